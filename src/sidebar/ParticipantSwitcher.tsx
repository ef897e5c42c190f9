import type { PersonOnPage } from '../model/page-context';
import { identityLabel, personKey } from './person-of-contact';

interface Props {
  people: readonly PersonOnPage[];
  selectedKey: string | null;
  onSelect: (person: PersonOnPage) => void;
  /** "People in this thread", "Recipients", … */
  label: string;
}

/** Everyone else on the page, one click away; the selected one is marked, never guessed. */
export function ParticipantSwitcher({ people, selectedKey, onSelect, label }: Props) {
  return (
    <nav class="participants" aria-label={label}>
      <h2 class="participants-heading">{label}</h2>
      <ul>
        {people.map((person) => {
          const key = personKey(person);
          const selected = key === selectedKey;
          const identity = identityLabel(person);
          return (
            <li key={key}>
              <button
                type="button"
                class={selected ? 'participant selected' : 'participant'}
                aria-pressed={selected}
                onClick={() => onSelect(person)}
              >
                <span class="participant-name">{person.name}</span>
                {identity && identity !== person.name && <span class="participant-identity">{identity}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
