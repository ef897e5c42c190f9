import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import type { UndoRecord } from '../model/schemas';
import { useDatabase } from '../ui/database-context';
import { describeWriteError } from '../db/storage-errors';

/** How long the undo bar stays; the undo record itself stays in the database longer. */
const UNDO_BAR_MS = 12_000;

type Offer = (record: UndoRecord) => void;
const UndoContext = createContext<Offer>(() => undefined);

export function useOfferUndo(): Offer {
  return useContext(UndoContext);
}

/** Shows "Note deleted · Undo" after a destructive change; Undo restores the rows exactly. */
export function UndoProvider({ children }: { children: ComponentChildren }) {
  const database = useDatabase();
  const [offer, setOffer] = useState<UndoRecord | undefined>();
  const [message, setMessage] = useState('');

  useEffect(() => {
    if (!offer) return undefined;
    const timer = setTimeout(() => setOffer(undefined), UNDO_BAR_MS);
    return () => clearTimeout(timer);
  }, [offer]);

  const offerUndo = useCallback<Offer>((record) => {
    setMessage('');
    setOffer(record);
  }, []);

  const undo = async (): Promise<void> => {
    if (!offer) return;
    try {
      // Loaded when first used: nothing on the first screen needs the undo path.
      const { undoChange } = await import('../actions/edit-timeline');
      await undoChange(await database(), offer.id);
      setMessage(`Undone: ${offer.label.toLowerCase()}.`);
    } catch (error) {
      setMessage(describeWriteError('undo that change', error));
    }
    setOffer(undefined);
  };

  return (
    <UndoContext.Provider value={offerUndo}>
      {children}
      <div class="undo-bar" role="status">
        {offer && (
          <>
            <span>{offer.label}.</span>
            <button type="button" class="secondary" onClick={() => void undo()}>
              Undo
            </button>
          </>
        )}
        {!offer && message}
      </div>
    </UndoContext.Provider>
  );
}
