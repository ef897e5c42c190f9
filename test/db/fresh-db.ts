import { createDb, type MarginDb } from '../../src/db/database';

/** A database of its own for each test, so tests never see each other's rows. */
export function freshDb(): MarginDb {
  return createDb({ name: `test-${crypto.randomUUID()}` });
}

/**
 * A contact row without what is derived from its interactions (the cached score, last touch,
 * last sentiment and surge): a write that restores a person's rows recomputes those from the
 * rows as they now are, so a test of "restored exactly" compares the rest.
 */
export function withoutDerived<T extends object>(contact: T | undefined): Omit<T, 'score' | 'scoreComputedAt' | 'lastTouchAt' | 'lastSentiment' | 'surge'> | undefined {
  if (!contact) return contact;
  const { score: _score, scoreComputedAt: _at, lastTouchAt: _touch, lastSentiment: _sentiment, surge: _surge, ...rest } = contact as T & Record<string, unknown>;
  return rest;
}
