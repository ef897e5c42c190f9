import { describe, expect, it } from 'vitest';
import { pageContextSchema } from '../../../src/model/page-context';
import { dayOfHeading, messageTime, minutesOfClock } from '../../../src/sites/linkedin/message-times';
import { recogniseLinkedInPage } from '../../../src/sites/linkedin/recognise-linkedin-page';
import { parsePage, readOwnFixture } from '../../support/fixtures';

/**
 * Every expected time is built from local calendar fields, like the code under test, so these
 * hold in any time zone and across daylight-saving changes (run with TZ=America/New_York or
 * TZ=Europe/Berlin to see).
 */
const local = (year: number, month: number, day: number, hours = 0, minutes = 0) => new Date(year, month - 1, day, hours, minutes).getTime();

// Wednesday 25 November 2026, 15:30 local.
const NOW = local(2026, 11, 25, 15, 30);

describe('a LinkedIn day heading, read against now', () => {
  it('reads Today and Yesterday as calendar days', () => {
    expect(dayOfHeading('Today', NOW)).toEqual([2026, 10, 25]);
    expect(dayOfHeading('Yesterday', NOW)).toEqual([2026, 10, 24]);
    expect(dayOfHeading('  yesterday ', local(2026, 3, 1, 0, 5))).toEqual([2026, 1, 28]);
    expect(dayOfHeading('Yesterday', local(2027, 1, 1, 9))).toEqual([2026, 11, 31]);
  });

  it('reads a weekday as the most recent such day before today', () => {
    expect(dayOfHeading('Monday', NOW)).toEqual([2026, 10, 23]);
    expect(dayOfHeading('Tuesday', NOW)).toEqual([2026, 10, 24]);
    expect(dayOfHeading('Thursday', NOW)).toEqual([2026, 10, 19]);
    expect(dayOfHeading('Sat', NOW)).toEqual([2026, 10, 21]);
    // The same weekday as today is a week ago (today would say "Today").
    expect(dayOfHeading('Wednesday', NOW)).toEqual([2026, 10, 18]);
    // Across a year boundary: Friday 1 January 2027 sees "Tuesday" as 29 December 2026.
    expect(dayOfHeading('Tuesday', local(2027, 1, 1, 8))).toEqual([2026, 11, 29]);
  });

  it('reads a month and day without a year as the most recent such day not in the future', () => {
    expect(dayOfHeading('May 12', NOW)).toEqual([2026, 4, 12]);
    expect(dayOfHeading('Nov 25', NOW)).toEqual([2026, 10, 25]);
    expect(dayOfHeading('Nov 26', NOW)).toEqual([2025, 10, 26]);
    expect(dayOfHeading('Sep. 3', NOW)).toEqual([2026, 8, 3]);
    // "Dec 30" seen on 2 January is last year's.
    expect(dayOfHeading('Dec 30', local(2027, 1, 2, 9))).toEqual([2026, 11, 30]);
    // "Feb 29" is the last leap year's.
    expect(dayOfHeading('Feb 29', NOW)).toEqual([2024, 1, 29]);
  });

  it('reads a full date as that day', () => {
    expect(dayOfHeading('May 12, 2026', NOW)).toEqual([2026, 4, 12]);
    expect(dayOfHeading('December 30, 2025', local(2026, 1, 2))).toEqual([2025, 11, 30]);
    expect(dayOfHeading('Feb 29, 2024', NOW)).toEqual([2024, 1, 29]);
  });

  it('answers nothing for what it cannot read rather than guess', () => {
    for (const heading of ['', 'Someday', 'Heute', 'Gestern', 'Feb 30', 'Feb 29, 2026', 'Mayo 12', '12 May', '2026-05-12', 'May 12, 26', 'Moon']) {
      expect(dayOfHeading(heading, NOW), heading).toBeNull();
    }
  });
});

describe('a LinkedIn group time', () => {
  it('reads 12-hour times, noon and midnight included', () => {
    expect(minutesOfClock('10:42 AM')).toBe(10 * 60 + 42);
    expect(minutesOfClock('12:05 AM')).toBe(5);
    expect(minutesOfClock('12:05 PM')).toBe(12 * 60 + 5);
    expect(minutesOfClock('1:00 pm')).toBe(13 * 60);
    expect(minutesOfClock('11:59\u202fp.m.')).toBe(23 * 60 + 59);
  });

  it('reads 24-hour times', () => {
    expect(minutesOfClock('14:05')).toBe(14 * 60 + 5);
    expect(minutesOfClock('0:00')).toBe(0);
    expect(minutesOfClock('23:59')).toBe(23 * 60 + 59);
  });

  it('answers nothing for impossible or unknown times', () => {
    for (const clock of ['', '24:00', '13:00 PM', '0:30 AM', '10:60', '10 AM', 'noon', '10.42']) {
      expect(minutesOfClock(clock), clock).toBeNull();
    }
  });
});

describe("a LinkedIn message's time", () => {
  it('combines the heading and the clock into local time', () => {
    expect(messageTime('Today', '2:05 PM', NOW)).toBe(local(2026, 11, 25, 14, 5));
    expect(messageTime('Yesterday', '14:05', NOW)).toBe(local(2026, 11, 24, 14, 5));
    expect(messageTime('Monday', '9:01 AM', NOW)).toBe(local(2026, 11, 23, 9, 1));
    expect(messageTime('Dec 30', '11:15 PM', local(2027, 1, 2, 9))).toBe(local(2026, 12, 30, 23, 15));
  });

  it('is the wall-clock time on the days clocks change', () => {
    // 29 March 2026 (Europe) and 8 March 2026 (US) lose an hour; 25 October / 1 November gain one.
    for (const [month, day] of [[3, 29], [3, 8], [10, 25], [11, 1]] as const) {
      const at = messageTime(`${['Mar', 'Oct', 'Nov'][[3, 10, 11].indexOf(month)]} ${day}`, '11:30 PM', NOW) as number;
      expect(new Date(at).getDate()).toBe(day);
      expect([new Date(at).getHours(), new Date(at).getMinutes()]).toEqual([23, 30]);
      expect(messageTime('Yesterday', '8:00 AM', local(2026, month, day + 1, 7))).toBe(local(2026, month, day, 8));
    }
  });

  it('has no time without a heading or with an unreadable clock', () => {
    expect(messageTime(undefined, '10:42 AM', NOW)).toBeUndefined();
    expect(messageTime('Today', undefined, NOW)).toBeUndefined();
    expect(messageTime('Today', 'soon', NOW)).toBeUndefined();
  });
});

describe('LinkedIn conversations report when each message was sent', () => {
  const ONE_TO_ONE = 'https://www.linkedin.com/messaging/thread/2-ZmJiYzQ3NjEtNGQ5ZC00YmE1LWI4YWQtMWYyNzY0NzdlNmQ1XzAxMA==/';
  const GROUP = 'https://www.linkedin.com/messaging/thread/2-OTg3NjU0MzItMWEyYi0zYzRkLTVlNmYtN2E4YjljMGQxZTJmXzAxMA==/';
  const recognise = (fixture: string, url: string, now: number) => {
    const context = recogniseLinkedInPage(parsePage(readOwnFixture(fixture), url), new URL(url), now);
    expect(pageContextSchema.parse(context)).toEqual(context);
    return context;
  };

  it('1:1: each message under its day heading at its group time; a continued run keeps the run time', () => {
    const context = recognise('linkedin/messaging-1to1-priya.html', ONE_TO_ONE, NOW);
    expect(context.messages?.map((message) => [message.fromUser, message.at])).toEqual([
      [false, local(2026, 5, 12, 10, 42)],
      [false, local(2026, 5, 12, 10, 42)],
      [true, local(2026, 5, 12, 11, 5)],
      [false, local(2026, 11, 24, 8, 57)],
    ]);
    // Every message carries its URN, the key that keeps capture from logging it twice.
    expect(context.messages?.every((message) => message.id?.startsWith('urn:li:msg_message:'))).toBe(true);
    expect(new Set(context.messages?.map((message) => message.id)).size).toBe(4);
  });

  it('group: a weekday heading is read against the day it is seen', () => {
    const onWednesday = recognise('linkedin/messaging-group-kickoff.html', GROUP, NOW);
    expect(onWednesday.messages?.map((message) => message.at)).toEqual([
      local(2026, 11, 23, 9, 1),
      local(2026, 11, 23, 9, 15),
      local(2026, 11, 23, 9, 40),
      local(2026, 11, 23, 9, 40),
      local(2026, 11, 23, 10, 12),
    ]);
    const onMonday = recognise('linkedin/messaging-group-kickoff.html', GROUP, local(2026, 11, 30, 8));
    expect(onMonday.messages?.[0]?.at).toBe(local(2026, 11, 23, 9, 1));
  });

  it('chat overlay without day headings: no time rather than a guess', () => {
    const context = recognise('linkedin/feed-chat-overlay.html', 'https://www.linkedin.com/feed/', NOW);
    expect(context.messages).toHaveLength(2);
    expect(context.messages?.some((message) => message.at !== undefined)).toBe(false);
  });
});
