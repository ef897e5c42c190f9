/**
 * Bands name a score range, in words no lifecycle stage uses: a band next to a stage chip must
 * never read as a second stage ("Engaged" as a band beside the stage "At-Risk" did). With the
 * default k = 10, one email received today scores 26 (Warm); a reply a week on top of a meeting
 * this month keeps someone Active; Hot needs a sum of 12 or more, e.g. a meeting, a call and two
 * replies within a few weeks.
 *
 * | band    | scores  |
 * |---------|---------|
 * | Cold    | 0–19    |
 * | Warm    | 20–44   |
 * | Active  | 45–69   |
 * | Hot     | 70–100  |
 */
export const SCORE_BANDS = [
  { band: 'Cold', from: 0 },
  { band: 'Warm', from: 20 },
  { band: 'Active', from: 45 },
  { band: 'Hot', from: 70 },
] as const;

export type ScoreBand = (typeof SCORE_BANDS)[number]['band'];

export function bandOfScore(score: number): ScoreBand {
  let found: ScoreBand = 'Cold';
  for (const { band, from } of SCORE_BANDS) if (score >= from) found = band;
  return found;
}

/** "Cold 0–19, Warm 20–44, Active 45–69, Hot 70–100": the bands as one line for a tooltip. */
export function describeScoreBands(): string {
  return SCORE_BANDS.map(({ band, from }, index) => `${band} ${from}–${(SCORE_BANDS[index + 1]?.from ?? 101) - 1}`).join(', ');
}
