/*
 * Why the camera cannot scan, in terms a cashier can act on. getUserMedia reports its failures as
 * DOMException names (some older browsers used other names for the same cases); the rest are ours:
 * an insecure page (no camera API at all outside https/localhost), a browser without the API, or a
 * barcode reader that failed to load.
 */

export type CameraProblemKind = 'denied' | 'missing' | 'busy' | 'insecure' | 'unsupported' | 'reader' | 'unknown';

export interface CameraProblem {
  readonly kind: CameraProblemKind;
  /** i18n key of the message that says what to do next. */
  readonly messageKey: `scanner.camera.problem.${CameraProblemKind}`;
  /** Whether trying again can help without changing the setup (an insecure address needs a manager). */
  readonly canRetry: boolean;
}

/** Raised by the camera scanner for problems that are not getUserMedia's own. */
export class CameraUnavailableError extends Error {
  override readonly name = 'CameraUnavailableError';
  constructor(
    readonly kind: Extract<CameraProblemKind, 'insecure' | 'unsupported' | 'reader'>,
    options?: ErrorOptions,
  ) {
    super(`camera scanning unavailable: ${kind}`, options);
  }
}

const KIND_BY_ERROR_NAME: Readonly<Record<string, CameraProblemKind>> = {
  // Denied by the person, by site settings, or by a permissions policy.
  NotAllowedError: 'denied',
  PermissionDeniedError: 'denied',
  SecurityError: 'denied',
  // No camera, or none that matches the constraints.
  NotFoundError: 'missing',
  DevicesNotFoundError: 'missing',
  OverconstrainedError: 'missing',
  ConstraintNotSatisfiedError: 'missing',
  // The camera exists but another app (a video call) holds it, or the hardware failed to start.
  NotReadableError: 'busy',
  TrackStartError: 'busy',
  AbortError: 'busy',
};

function problem(kind: CameraProblemKind): CameraProblem {
  return { kind, messageKey: `scanner.camera.problem.${kind}`, canRetry: kind !== 'insecure' && kind !== 'unsupported' };
}

export function cameraProblemOf(error: unknown): CameraProblem {
  if (error instanceof CameraUnavailableError) return problem(error.kind);
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  return problem(KIND_BY_ERROR_NAME[name] ?? 'unknown');
}
