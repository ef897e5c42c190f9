import { describe, expect, it } from 'vitest';
import { fromDateTimeInput, toDateTimeInput } from '../../src/sidebar/date-time-input';

describe('date-time input', () => {
  it('writes a local time the way <input type="datetime-local"> shows it', () => {
    const at = new Date(2025, 2, 7, 9, 5).getTime();
    expect(toDateTimeInput(at)).toBe('2025-03-07T09:05');
  });

  it('reads what it wrote back to the same minute', () => {
    for (const at of [new Date(2025, 0, 1, 0, 0).getTime(), new Date(2025, 11, 31, 23, 59).getTime(), new Date(2030, 5, 15, 14, 30).getTime()]) {
      expect(fromDateTimeInput(toDateTimeInput(at))).toBe(at);
    }
  });

  it('drops seconds when writing', () => {
    const at = new Date(2025, 2, 7, 9, 5, 42, 123).getTime();
    expect(fromDateTimeInput(toDateTimeInput(at))).toBe(new Date(2025, 2, 7, 9, 5).getTime());
  });

  it('reads a local time, with or without seconds', () => {
    expect(fromDateTimeInput('2025-03-07T09:05')).toBe(new Date(2025, 2, 7, 9, 5).getTime());
    expect(fromDateTimeInput('2025-03-07T09:05:30')).toBe(new Date(2025, 2, 7, 9, 5, 30).getTime());
  });

  it('answers undefined for empty or unreadable input', () => {
    for (const junk of ['', '   ', 'tomorrow', '2025-03-07', '07/03/2025 09:05', '2025-13-07T09:05', '2025-03-07T25:00', '2025-03-07T09:05junk']) {
      expect(fromDateTimeInput(junk)).toBeUndefined();
    }
  });

  it('treats years outside 2000–2100 as a typo', () => {
    expect(fromDateTimeInput('1999-12-31T23:59')).toBeUndefined();
    expect(fromDateTimeInput('2101-01-01T00:00')).toBeUndefined();
    expect(fromDateTimeInput('0025-03-07T09:05')).toBeUndefined();
    expect(fromDateTimeInput('2000-01-01T00:00')).toBe(new Date(2000, 0, 1, 0, 0).getTime());
    expect(fromDateTimeInput('2100-12-31T23:59')).toBe(new Date(2100, 11, 31, 23, 59).getTime());
  });
});
