import { CaptureSection } from './CaptureSection';
import { NeverLogSection } from './NeverLogSection';
import { ScoreSettingsSection } from './ScoreSettingsSection';
import type { ComponentType } from 'preact';
import { CustomFieldsSection } from './CustomFieldsSection';
import { NoteTemplatesSection } from './NoteTemplatesSection';
import { ObjectionsSection } from './ObjectionsSection';
import { OwnAddressesSection } from './OwnAddressesSection';
import { CrmConnectionSection } from './CrmConnectionSection';
import { SidebarSection } from './SidebarSection';

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

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { id: 'note-templates', title: 'Note templates', component: NoteTemplatesSection },
  { id: 'objections', title: 'Objections', component: ObjectionsSection },
  { id: 'custom-fields', title: 'Contact fields', component: CustomFieldsSection },
  { id: 'engagement-score', title: 'Engagement score', component: ScoreSettingsSection },
  { id: 'activity-capture', title: 'Activity capture', component: CaptureSection },
  { id: 'never-log', title: 'Never log', component: NeverLogSection },
  { id: 'own-addresses', title: 'Your addresses', component: OwnAddressesSection },
  { id: 'crm-connection', title: 'CRM connection', component: CrmConnectionSection },
  { id: 'sidebar', title: 'Sidebar', component: SidebarSection },
];
