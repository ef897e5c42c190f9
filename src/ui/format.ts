const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export function formatDay(at: number): string {
  return dayFormat.format(at);
}

export function formatTime(at: number): string {
  return timeFormat.format(at);
}
