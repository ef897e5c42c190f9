/**
 * When a LinkedIn chat message was sent, from what the conversation shows: a day heading
 * ("Today", "Yesterday", "Monday", "May 12", "May 12, 2026") and its group's clock time
 * ("10:42 AM", "14:05"), read in the browser's time zone relative to `now`. Dates are built from
 * local calendar fields (never by adding 24-hour steps), so a daylight-saving change cannot move
 * a message to another day or hour. Anything unclear gives no time: none is better than a wrong one.
 */

type LocalDay = [year: number, month: number, day: number];

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A full English name or its three-letter abbreviation ("Mon", "Sep."); -1 when neither. */
const indexOfName = (names: readonly string[], word: string): number =>
  names.findIndex((name) => word === name || word === name.slice(0, 3));

/** The local calendar day a heading names; null when unsure. */
export function dayOfHeading(heading: string, now: number): LocalDay | null {
  const today = new Date(now);
  const [year, month, date] = fieldsOf(today);
  const text = heading.trim().toLowerCase();
  if (text === 'today') return [year, month, date];
  if (text === 'yesterday') return fieldsOf(new Date(year, month, date - 1));

  const weekday = indexOfName(WEEKDAYS, text);
  // The most recent such day before today ("Monday" seen on a Monday is a week ago).
  if (weekday >= 0) return fieldsOf(new Date(year, month, date - ((today.getDay() - weekday + 7) % 7 || 7)));

  const dated = /^([a-z]+)\.? (\d{1,2})(?:, (\d{4}))?$/.exec(text);
  const wanted = dated ? indexOfName(MONTHS, dated[1] as string) : -1;
  if (!dated || wanted < 0) return null;
  const day = Number(dated[2]);
  const named = dated[3] ? Number(dated[3]) : undefined;
  // With a year: that day. Without: the most recent such day not in the future ("Dec 30" seen
  // on Jan 2 is last year's, "Feb 29" the last leap year's).
  for (let candidate = named ?? year; candidate > (named ?? year) - (named ? 1 : 8); candidate -= 1) {
    const found = new Date(candidate, wanted, day);
    if (found.getMonth() !== wanted || found.getFullYear() !== candidate || (!named && found > new Date(year, month, date))) continue;
    return [candidate, wanted, day];
  }
  return null;
}

/** Minutes after midnight of a clock time ("10:42 AM", "12:05 am", "14:05"); null when unsure. */
export function minutesOfClock(clock: string): number | null {
  const match = /^(\d{1,2}):([0-5]\d)(?:\s*([ap])\.?m\.?)?$/i.exec(clock.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const half = match[3]?.toLowerCase();
  if (half ? hours < 1 || hours > 12 : hours > 23) return null;
  return ((half ? hours % 12 : hours) + (half === 'p' ? 12 : 0)) * 60 + Number(match[2]);
}

/** Milliseconds since the epoch of a message under `heading` at `clock`; undefined when unsure. */
export function messageTime(heading: string | undefined, clock: string | undefined, now: number): number | undefined {
  const day = heading === undefined ? null : dayOfHeading(heading, now);
  const minutes = clock === undefined ? null : minutesOfClock(clock);
  if (!day || minutes === null) return undefined;
  const at = new Date(day[0], day[1], day[2], Math.floor(minutes / 60), minutes % 60).getTime();
  return at >= 0 ? at : undefined;
}

function fieldsOf(date: Date): LocalDay {
  return [date.getFullYear(), date.getMonth(), date.getDate()];
}
