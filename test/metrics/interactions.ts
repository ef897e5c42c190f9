import type { Interaction, InteractionKind, Sentiment } from '../../src/model/schemas';

export const DAY = 24 * 60 * 60 * 1000;
export const NOW = Date.UTC(2026, 4, 20, 12, 0, 0);

let counter = 0;

/** An interaction `daysAgo` days before NOW, for hand-computed metric cases. */
export function touch(
  kind: InteractionKind,
  daysAgo: number,
  extra: { sentiment?: Sentiment; contactId?: string } & Partial<Interaction> = {},
): Interaction {
  counter += 1;
  const at = NOW - daysAgo * DAY;
  return {
    id: `i${counter}`,
    contactId: 'c1',
    at,
    kind,
    source: { site: 'margin' },
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}
