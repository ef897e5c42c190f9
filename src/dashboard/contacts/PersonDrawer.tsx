import { useEffect, useRef } from 'preact/hooks';
import type { Contact } from '../../model/schemas';
import { PersonPanel } from '../../sidebar/PersonPanel';
import { personContextOfContact } from './person-on-dashboard';

/** The person opened from the contacts list: the sidebar's own panel, beside the list. */
export function PersonDrawer({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const opened = personContextOfContact(contact);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), [contact.id]);
  return (
    <aside class="person-drawer" aria-label={`${contact.name}: timeline and notes`}>
      <button type="button" class="secondary close" ref={closeButton} onClick={onClose}>
        Close {contact.name}
      </button>
      {opened ? (
        <PersonPanel key={contact.id} context={opened.context} person={opened.person} source={{ site: 'margin' }} />
      ) : (
        <p>{contact.name} has no address or LinkedIn profile, so notes cannot be matched to them.</p>
      )}
    </aside>
  );
}
