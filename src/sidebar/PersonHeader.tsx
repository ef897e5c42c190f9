import { useState } from 'preact/hooks';
import type { Contact } from '../model/schemas';
import type { PersonOnPage } from '../model/page-context';
import { EngagementChip, EngagementExplanation, useEngagement } from './EngagementScore';
import { StageControl } from './StageControl';

interface Props {
  person: PersonOnPage;
  contact: Contact | undefined;
}

/**
 * Who this is, pinned while the rest scrolls: name, title and company, the stage chip and the
 * score chip with its band (and a surge). The score's explanation opens on demand below the
 * header; a stage the signals disagree with gets one line saying so.
 */
export function PersonHeader({ person, contact }: Props) {
  if (!contact) {
    return (
      <header class="person pinned">
        <PersonTitle person={person} contact={undefined} />
        <p class="quiet">Not in Margin yet: your first note adds them.</p>
      </header>
    );
  }
  return <TrackedPersonHeader person={person} contact={contact} />;
}

function TrackedPersonHeader({ person, contact }: { person: PersonOnPage; contact: Contact }) {
  const engagement = useEngagement(contact);
  const [explaining, setExplaining] = useState(false);
  return (
    <>
      <header class="person pinned">
        <PersonTitle person={person} contact={contact} />
        <div class="chips">
          <StageControl contact={contact} />
          {engagement ? (
            <EngagementChip engagement={engagement} expanded={explaining} onToggle={() => setExplaining(!explaining)} />
          ) : (
            <span class="chip quiet" aria-busy="true">
              Score…
            </span>
          )}
        </div>
        {engagement?.mismatch && (
          <p class="signal-mismatch" role="note">
            {engagement.mismatch}
          </p>
        )}
      </header>
      {explaining && engagement && <EngagementExplanation contactId={contact.id} />}
    </>
  );
}

/** The name (as the page shows it) and title · company: what a person's header shows before their record is read. */
export function PersonTitle({ person, contact }: Props) {
  const subtitle = [person.headline ?? contact?.title, person.company ?? contact?.company]
    .filter((text, index, all) => text && all.indexOf(text) === index)
    .join(' · ');
  return (
    <>
      <h1 class="person-name">{person.name}</h1>
      {subtitle && <p class="person-subtitle">{subtitle}</p>}
    </>
  );
}
