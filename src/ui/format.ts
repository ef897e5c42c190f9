import { isShowableTime } from '../model/plain-values';

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** The day of `at`, or '' for a time no date can show (see isShowableTime). */
export function formatDay(at: number): string {
  return isShowableTime(at) ? dayFormat.format(at) : '';
}

export function formatTime(at: number): string {
  return isShowableTime(at) ? timeFormat.format(at) : '';
}

/** `at` for a `<time dateTime>` attribute, or '' when it is no date. */
export function machineTime(at: number): string {
  return isShowableTime(at) ? new Date(at).toISOString() : '';
}
