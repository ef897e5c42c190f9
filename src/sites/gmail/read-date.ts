/**
 * Gmail's message dates as its header shows them in the date's `title`: "Mon, May 11, 2026,
 * 8:57 AM" (en-US; newer Chrome puts a narrow no-break space before AM/PM) or "11 May 2026,
 * 08:57" (en-GB and most 24-hour locales), in the user's local time zone. Anything else gives
 * `undefined`: a missing date is better than a wrong one.
 */
const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';
const DATE = /(?:([a-z]{3})[a-z]*\.? (\d{1,2})|(\d{1,2}) ([a-z]{3})[a-z]*\.?),? (\d{4}),? (?:at )?(\d{1,2}):(\d{2})(?: ?([ap])\.? ?m)?/i;

export function parseGmailDate(raw: string | null | undefined): number | undefined {
  const match = DATE.exec((raw ?? '').slice(0, 200).replace(/[\s\u202F\u00A0]+/g, ' '));
  if (!match) return undefined;
  const [, monthFirst, daySecond, dayFirst, monthSecond, year = '', hourText = '', minute = '', meridiem] = match;
  const month = MONTHS.indexOf((monthFirst ?? monthSecond ?? '').toLowerCase());
  const day = Number(daySecond ?? dayFirst);
  let hour = Number(hourText);
  if (month < 0 || month % 3 !== 0 || day < 1 || day > 31 || Number(minute) > 59 || Number(year) < 2004) return undefined;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  } else if (hour > 23) {
    return undefined;
  }
  return new Date(Number(year), month / 3, day, hour, Number(minute)).getTime();
}
