import { describe, expect, it } from 'vitest';
import {
  isAutomatedAddress,
  isMassMessage,
  isValidNeverLogEntry,
  trackingPolicy,
  whyNotTracked,
} from '../../src/capture/tracking-rules';

describe('isAutomatedAddress', () => {
  it.each([
    'noreply@github.com',
    'no-reply@accounts.google.com',
    'do-not-reply@bank.example',
    'DoNotReply@x.example',
    'updates-noreply@linkedin.com',
    'notifications@github.com',
    'notification+abc@slack.example',
    'mailer-daemon@googlemail.com',
    'postmaster@x.example',
    'newsletter@shop.example',
    'calendar-notification@google.com',
  ])('%s is automated', (address) => {
    expect(isAutomatedAddress(address)).toBe(true);
  });

  it.each(['noreen@acme.example', 'priya.raman@northwind.example', 'hello@startup.example', 'replyguy@x.example', 'notifyme.person@x.example'])(
    '%s is a person',
    (address) => {
      expect(isAutomatedAddress(address)).toBe(false);
    },
  );
});

describe('whyNotTracked', () => {
  const policy = trackingPolicy(['Alex.Morgan@gmail.com'], ['ceo@acme.example', 'competitor.example', '@rival.example']);

  it('refuses the user\'s own addresses, in any Gmail spelling', () => {
    expect(whyNotTracked('alexmorgan+crm@googlemail.com', policy)).toBe('own-address');
  });

  it('refuses automated senders', () => {
    expect(whyNotTracked('noreply@github.com', policy)).toBe('automated-sender');
  });

  it('refuses never-log addresses and domains with their subdomains', () => {
    expect(whyNotTracked('CEO@acme.example', policy)).toBe('never-log');
    expect(whyNotTracked('anyone@competitor.example', policy)).toBe('never-log');
    expect(whyNotTracked('anyone@eu.competitor.example', policy)).toBe('never-log');
    expect(whyNotTracked('anyone@rival.example', policy)).toBe('never-log');
    expect(whyNotTracked('anyone@notcompetitor.example', policy)).toBeNull();
    expect(whyNotTracked('cfo@acme.example', policy)).toBeNull();
  });

  it('validates never-log entries', () => {
    expect(['a@b.example', 'b.example', '@b.example'].map(isValidNeverLogEntry)).toEqual([true, true, true]);
    expect(['', 'not a domain', 'localhost'].map(isValidNeverLogEntry)).toEqual([false, false, false]);
  });
});

describe('isMassMessage', () => {
  const people = (n: number) => Array.from({ length: n }, (_, index) => ({ email: `p${index}@x.example` }));
  it('is more than 20 recipients, To and Cc together', () => {
    expect(isMassMessage({ to: people(15), cc: people(5) })).toBe(false);
    expect(isMassMessage({ to: people(15), cc: people(6) })).toBe(true);
  });
});
