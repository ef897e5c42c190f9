import { useEffect, useRef, useState } from 'preact/hooks';
import { deleteDraft, getDraft, saveDraft } from '../db/drafts-repository';
import { getInteraction } from '../db/interactions-repository';
import { newId } from '../db/ids';
import { describeStorageError } from '../db/storage-errors';
import type { DatabaseAccess } from '../ui/database-context';
import { BUILT_IN_TEMPLATE } from '../settings/note-templates';
import { draftOfFields, EMPTY_NOTE_FIELDS, fieldsOfDraft, type NoteFields } from './note-draft';

export interface NoteDraft {
  fields: NoteFields;
  templateId: string;
  /** One id per note being written: a double click or a retry after an unclear failure stores it once. */
  noteId: string;
  /** The form holds a draft restored from an earlier visit (until the note is saved). */
  restored: boolean;
  /** Why the last draft write failed; empty once one succeeds. */
  error: string;
  /** A change typed or picked: kept in the form and written to the draft at once. */
  update: (changes: Partial<NoteFields>) => void;
  chooseTemplate: (templateId: string) => void;
  /** The note was stored (its transaction removed the draft): an empty form, a new note id. */
  saved: () => void;
  /** Writes what is unwritten (a failed save's text must survive a closing tab). */
  write: () => Promise<void>;
  /** Puts fields back in the form (Undo of a save); written with the next change or when the page goes away. */
  putBack: (fields: NoteFields) => void;
}

/**
 * The lifecycle of a note being typed for one person (`draftKey`; undefined: no draft is kept).
 * What is typed survives a tab closing at any moment: every change is written in the same task as
 * the keystroke (a write that has not started when a tab closes is lost; IndexedDB queues them in
 * order), and leaving the page (pagehide, hidden, unmounted) writes whatever is still unwritten.
 * A draft is restored once, before the user types, unless its note was stored after all.
 */
export function useNoteDraft(database: DatabaseAccess, draftKey: string | undefined): NoteDraft {
  const [fields, setFields] = useState<NoteFields>(EMPTY_NOTE_FIELDS);
  const [templateId, setTemplateId] = useState(BUILT_IN_TEMPLATE.id);
  const [noteId, setNoteId] = useState(newId);
  const [restored, setRestored] = useState(false);
  const [error, setError] = useState('');
  const dirty = useRef(false);
  const latest = useRef({ fields, templateId, noteId });
  latest.current = { fields, templateId, noteId };

  useEffect(() => {
    if (!draftKey) return;
    let cancelled = false;
    void database().then(async (db) => {
      const draft = await getDraft(db, draftKey);
      if (cancelled || !draft || dirty.current) return;
      // A draft whose note was stored after all (the save won a race with the last draft write).
      if (await getInteraction(db, draft.noteId)) {
        await deleteDraft(db, draftKey);
        return;
      }
      if (cancelled || dirty.current) return;
      const back = fieldsOfDraft(draft);
      setFields(back.fields);
      if (back.templateId) setTemplateId(back.templateId);
      setNoteId(back.noteId);
      setRestored(true);
    });
    return () => {
      cancelled = true;
    };
  }, [database, draftKey]);

  const write = async (): Promise<void> => {
    if (!draftKey || !dirty.current) return;
    const draft = draftOfFields({ key: draftKey, ...latest.current, now: Date.now() });
    try {
      await saveDraft(await database(), draft);
      dirty.current = false;
      setError('');
    } catch (failure) {
      setError(`Your draft could not be kept: ${describeStorageError(failure)}`);
    }
  };

  // Every change is written as it happens (see `update`); leaving writes whatever is still unwritten.
  useEffect(() => {
    const flush = (): void => void write();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
      flush();
    };
  }, [draftKey]);

  return {
    fields,
    templateId,
    noteId,
    restored,
    error,
    update: (changes) => {
      dirty.current = true;
      latest.current = { ...latest.current, fields: { ...latest.current.fields, ...changes } };
      setFields((current) => ({ ...current, ...changes }));
      void write();
    },
    chooseTemplate: (chosen) => {
      dirty.current = true;
      latest.current = { ...latest.current, templateId: chosen };
      setTemplateId(chosen);
      void write();
    },
    saved: () => {
      dirty.current = false;
      setFields(EMPTY_NOTE_FIELDS);
      setNoteId(newId());
      setRestored(false);
    },
    write,
    putBack: (back) => {
      dirty.current = true;
      setFields(back);
    },
  };
}
