import { approverRoles } from '../../domain/permissions.ts';
import type { StaffDirectory, StaffMember } from '../../session/use-staff-directory.ts';

/**
 * Who may approve `permission` for the person asking: active staff whose role holds it in the store's table,
 * never the person asking (approving yourself is not an approval), nor anyone still to choose a PIN. Nobody
 * when the table grants it to no role.
 */
export function approvalCandidates(permission: string, directory: StaffDirectory, requesterId: string | undefined): StaffMember[] {
  const roles = approverRoles(permission, directory.permissions);
  return directory.staff.filter((member) => roles.includes(member.role) && member.id !== requesterId && !member.pinSetRequired);
}
