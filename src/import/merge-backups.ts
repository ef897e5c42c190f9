import type { Interaction } from '../model/schemas';
import { emptyBackupTables, type Backup, type BackupTables } from '../export/backup-schema';
import { ContactMatcher, mergeContact } from './contact-matcher';

export interface TeamMergeSummary {
  backups: number;
  contactsRead: number;
  contacts: number;
  interactions: number;
  duplicateInteractions: number;
}

/**
 * Several reps' backups as one set of tables for a CRM import: people are merged by address and
 * LinkedIn id; every note keeps its author (a note without one gets the backup's `exportedBy`);
 * an interaction present in two backups (the same id, or the same email message captured by two
 * reps) is kept once. Settings, drafts and undo history are personal and stay out.
 */
export function mergeBackups(backups: readonly Backup[]): { tables: BackupTables; summary: TeamMergeSummary } {
  const matcher = new ContactMatcher();
  const contactIdOf = new Map<string, string>();
  let contactsRead = 0;
  for (const [index, backup] of backups.entries()) {
    for (const contact of backup.tables.contacts) {
      contactsRead += 1;
      const existing = matcher.match({ emails: contact.emails, linkedinIds: contact.linkedinIds });
      if (existing) {
        const merged = mergeContact(existing, contact);
        matcher.remember(merged);
        contactIdOf.set(key(index, contact.id), existing.id);
      } else {
        matcher.remember(contact);
        contactIdOf.set(key(index, contact.id), contact.id);
      }
    }
  }

  const tables = emptyBackupTables();
  tables.contacts = [...matcher.contacts()];
  const interactionIds = new Set<string>();
  const messageKeys = new Set<string>();
  let duplicateInteractions = 0;
  for (const [index, backup] of backups.entries()) {
    for (const interaction of backup.tables.interactions) {
      const contactId = contactIdOf.get(key(index, interaction.contactId)) ?? interaction.contactId;
      const messageKey = interaction.source.messageId ? `${contactId} ${interaction.source.messageId}` : undefined;
      if (interactionIds.has(interaction.id) || (messageKey && messageKeys.has(messageKey))) {
        duplicateInteractions += 1;
        continue;
      }
      interactionIds.add(interaction.id);
      if (messageKey) messageKeys.add(messageKey);
      const author = interaction.author ?? backup.exportedBy;
      const kept: Interaction = { ...interaction, contactId, ...(author ? { author } : {}) };
      tables.interactions.push(kept);
    }
    for (const task of backup.tables.tasks) {
      tables.tasks.push({ ...task, contactId: contactIdOf.get(key(index, task.contactId)) ?? task.contactId });
    }
  }
  return {
    tables,
    summary: {
      backups: backups.length,
      contactsRead,
      contacts: tables.contacts.length,
      interactions: tables.interactions.length,
      duplicateInteractions,
    },
  };
}

function key(backupIndex: number, contactId: string): string {
  return `${backupIndex} ${contactId}`;
}
