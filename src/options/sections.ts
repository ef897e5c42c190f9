import type { ComponentType } from 'preact';

/**
 * The settings page is a list of sections, one file each, in the order shown. A feature adds
 * its settings by adding its section here (an explicit registry, not a side-effect import).
 */
export interface SettingsSection {
  /** Stable id, used as the section's anchor (`options.html#own-addresses`). */
  id: string;
  title: string;
  component: ComponentType;
}

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [];
