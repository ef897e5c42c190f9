import { useState } from 'preact/hooks';
import { SETTING_READ } from '../db/live-reads';
import { setSetting } from '../db/settings-repository';
import { describeWriteError } from '../db/storage-errors';
import type { SettingDefinition } from '../model/define-setting';
import { useDatabase } from './database-context';
import { useLiveDbQuery } from './use-live-db-query';

/** A setting's current value, live: a change on the settings page shows here at once. */
export function useSetting<T>(setting: SettingDefinition<T>): T {
  return useLiveDbQuery(SETTING_READ.key(setting), (db) => SETTING_READ.read(db, setting)).data ?? setting.fallback;
}

/**
 * Saves a setting from a settings form and keeps a sentence for the user: what was done, why
 * the input was refused, or why the save failed.
 */
export function useSettingWriter<T>(setting: SettingDefinition<T>): {
  message: string;
  setMessage: (message: string) => void;
  store: (value: T, done: string) => Promise<void>;
} {
  const database = useDatabase();
  const [message, setMessage] = useState('');
  const store = async (value: T, done: string): Promise<void> => {
    try {
      await setSetting(await database(), setting, value);
      setMessage(done);
    } catch (error) {
      setMessage(describeWriteError('save', error));
    }
  };
  return { message, setMessage, store };
}
