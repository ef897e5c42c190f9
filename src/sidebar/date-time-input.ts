/** `<input type="datetime-local">` speaks local "YYYY-MM-DDTHH:MM"; the database speaks epoch ms. */
export function toDateTimeInput(at: number): string {
  const date = new Date(at);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Undefined for empty or unreadable input; years outside 2000–2100 are a typo, not a plan. */
export function fromDateTimeInput(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return undefined;
  const at = new Date(value).getTime();
  if (Number.isNaN(at)) return undefined;
  const year = new Date(at).getFullYear();
  return year >= 2000 && year <= 2100 ? at : undefined;
}
