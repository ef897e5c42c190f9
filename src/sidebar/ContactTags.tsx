import { useState } from 'preact/hooks';
import { setContactTags } from '../db/contacts-repository';
import type { Contact } from '../model/schemas';
import { useMutation } from '../ui/use-mutation';
import { useDatabase } from '../ui/database-context';
import { ErrorAlert } from '../ui/ErrorAlert';

/** The contact's tags, edited as one comma-separated line. */
export function ContactTags({ contact }: { contact: Contact }) {
  const database = useDatabase();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const write = useMutation('save the tags', async (tags: string[]) => setContactTags(await database(), contact.id, tags, Date.now()));
  const save = (): void => write.mutate(text.split(','), { onSuccess: () => setEditing(false) });
  return (
    <div class="contact-tags">
      {editing ? (
        <div class="field-row">
          <label for="contact-tags">Tags</label>
          <input
            id="contact-tags"
            type="text"
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
            onKeyDown={(event) => event.key === 'Enter' && void save()}
          />
          <button type="button" onClick={() => void save()}>
            Save tags
          </button>
          <ErrorAlert message={write.errorMessage} />
        </div>
      ) : (
        <p class="tags">
          {contact.tags.map((tag) => (
            <span class="tag" key={tag}>
              {tag}
            </span>
          ))}
          <button
            type="button"
            class="link"
            onClick={() => {
              setText(contact.tags.join(', '));
              setEditing(true);
            }}
          >
            {contact.tags.length ? 'Edit tags' : 'Add tags'}
          </button>
        </p>
      )}
    </div>
  );
}
