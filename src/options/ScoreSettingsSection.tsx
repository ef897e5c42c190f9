import { useState } from 'preact/hooks';
import { setSetting } from '../db/settings-repository';
import { describeWriteError } from '../db/storage-errors';
import { SENTIMENTS, type InteractionKind, type Sentiment } from '../model/schemas';
import { DEFAULT_SCORE_SETTINGS, SCORE_SETTINGS, scoreSettingsSchema, type ScoreSettings } from '../metrics/score-settings';
import { SCORE_BANDS } from '../metrics/score-band';
import { useDatabase } from '../ui/database-context';
import { interactionKindLabel } from '../model/interaction-kinds';
import { useSetting } from '../ui/use-setting';
import * as z from 'zod/mini';

const WEIGHTED_KINDS: InteractionKind[] = ['email-in', 'email-out', 'meeting', 'call', 'linkedin-message-in', 'linkedin-message-out', 'note', 'linkedin-view', 'stage-change', 'task-done'];

/** Weights, sentiment factors, half-life and k of the engagement score (DESIGN.md §3). */
export function ScoreSettingsSection() {
  const database = useDatabase();
  const stored = useSetting(SCORE_SETTINGS);
  const [draft, setDraft] = useState<ScoreSettings | null>(null);
  const [message, setMessage] = useState('');
  const current = draft ?? stored;

  const save = async (settings: ScoreSettings, done: string): Promise<void> => {
    const parsed = z.safeParse(scoreSettingsSchema, settings);
    if (!parsed.success) {
      setMessage('Each number must be 0 or more (half-life and k above 0).');
      return;
    }
    try {
      await setSetting(await database(), SCORE_SETTINGS, parsed.data);
      setDraft(null);
      setMessage(done);
    } catch (error) {
      setMessage(describeWriteError('save', error));
    }
  };
  const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

  return (
    <form
      class="score-settings"
      onSubmit={(event) => {
        event.preventDefault();
        void save(current, 'Saved. Scores update at once in the sidebar, and for everyone at the next daily update.');
      }}
    >
      <p class="quiet">
        Each interaction adds weight × sentiment factor × 0.5^(age in days ÷ half-life); the score is 100 × (1 − e^(−sum ÷ k)).
        Bands: {SCORE_BANDS.map((band, index) => `${band.band} from ${band.from}${index < SCORE_BANDS.length - 1 ? ', ' : ''}`)}.
      </p>
      <fieldset>
        <legend>Weights</legend>
        {WEIGHTED_KINDS.map((kind) => (
          <label key={kind} class="setting-number">
            {interactionKindLabel(kind)}
            <input
              type="number"
              min="0"
              step="0.1"
              value={current.weights[kind] ?? 0}
              onInput={(event) => setDraft({ ...current, weights: { ...current.weights, [kind]: number(event.currentTarget.value) } })}
            />
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Sentiment factors</legend>
        {SENTIMENTS.map((sentiment: Sentiment) => (
          <label key={sentiment} class="setting-number">
            {sentiment}
            <input
              type="number"
              min="0"
              step="0.05"
              value={current.sentimentFactors[sentiment]}
              onInput={(event) =>
                setDraft({ ...current, sentimentFactors: { ...current.sentimentFactors, [sentiment]: number(event.currentTarget.value) } })
              }
            />
          </label>
        ))}
      </fieldset>
      <label class="setting-number">
        Half-life (days)
        <input type="number" min="1" step="1" value={current.halfLifeDays} onInput={(event) => setDraft({ ...current, halfLifeDays: number(event.currentTarget.value) })} />
      </label>
      <label class="setting-number">
        k (saturation)
        <input type="number" min="0.1" step="0.5" value={current.k} onInput={(event) => setDraft({ ...current, k: number(event.currentTarget.value) })} />
      </label>
      <div class="actions">
        <button type="submit">Save score settings</button>
        <button type="button" class="secondary" onClick={() => void save(DEFAULT_SCORE_SETTINGS, 'Back to the defaults.')}>
          Restore defaults
        </button>
      </div>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
