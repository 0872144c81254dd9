import { useTranslation } from 'react-i18next';
import './staff-choices.css';
import type { Role } from '../domain/permissions.ts';

export interface StaffChoice {
  id: string;
  name: string;
  role: Role;
}

interface StaffChoicesProps<P extends StaffChoice> {
  people: readonly P[];
  chosenId: string | undefined;
  /** Each button's test id is this prefix and the person's id. */
  testIdPrefix: string;
  disabled?: boolean;
  onChoose: (person: P) => void;
}

/** The people one may sign in or approve as, each a button with name and role; the chosen one pressed. */
export function StaffChoices<P extends StaffChoice>({ people, chosenId, testIdPrefix, disabled = false, onChoose }: StaffChoicesProps<P>) {
  const { t } = useTranslation();
  return (
    <ul className="staff-choices" aria-label={t('staff.choosePerson')}>
      {people.map((person) => (
        <li key={person.id}>
          <button
            type="button"
            data-testid={`${testIdPrefix}${person.id}`}
            data-role={person.role}
            aria-pressed={chosenId === person.id}
            disabled={disabled}
            onClick={() => onChoose(person)}
          >
            <span className="staff-name">{person.name}</span> <span className="staff-role">{t(`staff.roles.${person.role}`)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
