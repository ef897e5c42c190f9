import { DEFAULT_SCORE_SETTINGS, SCORE_SETTINGS_KEY, scoreSettingsSchema, type ScoreSettings } from '../metrics/score-settings';
import type { MarginDb } from './database';
import { getSetting, setSetting } from './settings-repository';

/** The user's score settings, or the defaults when none are stored or what is stored no longer fits. */
export function loadScoreSettings(db: MarginDb): Promise<ScoreSettings> {
  return getSetting(db, SCORE_SETTINGS_KEY, scoreSettingsSchema, DEFAULT_SCORE_SETTINGS);
}

export function saveScoreSettings(db: MarginDb, settings: ScoreSettings): Promise<void> {
  return setSetting(db, SCORE_SETTINGS_KEY, settings);
}
