import { useState } from 'preact/hooks';
import type { Backup } from '../../export/backup-schema';
import { parseBackupText } from '../../import/parse-backup';
import { readImportFile } from '../../import/read-import-file';
import { describeRestorePlan, planRestore, restoreBackup, type RestoreMode, type RestorePlan } from '../../import/restore-backup';
import { useDatabase } from '../../ui/database-context';
import { formatDay } from '../../ui/format';
import { useMutation } from '../../ui/use-mutation';
import { describeImportError } from './describe-import-error';
import { InputRejectedError } from '../../db/input-rejected-error';
import { ErrorAlert } from '../../ui/ErrorAlert';

interface Checked {
  fileName: string;
  backup: Backup;
  plan: RestorePlan;
}

/** Restore a backup: pick a file, read the dry-run summary, then merge or replace. */
export function RestoreBackupPanel() {
  const database = useDatabase();
  const [checked, setChecked] = useState<Checked | null>(null);
  const [message, setMessage] = useState('');
  const check = useMutation('read the backup', async (file: File) => {
    try {
      const backup = parseBackupText(await readImportFile(file));
      return { fileName: file.name, backup, plan: await planRestore(await database(), backup) };
    } catch (error) {
      throw new InputRejectedError(describeImportError(file.name, error), { cause: error });
    }
  });
  const restore = useMutation('restore the backup', async ({ backup, mode, fileName }: { backup: Backup; mode: RestoreMode; fileName: string }) => {
    try {
      return await restoreBackup(await database(), backup, mode, Date.now());
    } catch (error) {
      throw new InputRejectedError(describeImportError(fileName, error), { cause: error });
    }
  });

  const onFile = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    setChecked(null);
    setMessage('');
    restore.reset();
    if (file) check.mutate(file, { onSuccess: setChecked });
    input.value = '';
  };

  const run = (mode: RestoreMode) => {
    if (!checked) return;
    restore.mutate(
      { backup: checked.backup, mode, fileName: checked.fileName },
      {
        onSuccess: (result) => {
          setChecked(null);
          setMessage(
            mode === 'replace'
              ? `Restored ${checked.fileName}: Margin now holds exactly the backup's ${result.contactsAdded.toLocaleString()} contacts and ${result.interactionsAdded.toLocaleString()} interactions.`
              : `Merged ${checked.fileName}: ${result.contactsAdded} contacts added, ${result.contactsMerged} merged, ${result.interactionsAdded} interactions added or updated.`,
          );
        },
      },
    );
  };

  const error = check.errorMessage || restore.errorMessage;
  return (
    <section aria-labelledby="restore-heading" class="transfer">
      <h2 id="restore-heading">Restore a backup</h2>
      <label class="field">
        <span>Backup file (.json)</span>
        <input type="file" accept=".json,application/json" onChange={onFile} disabled={check.isPending || restore.isPending} />
      </label>
      {check.isPending && <p aria-busy="true">Checking the file…</p>}
      <ErrorAlert message={error} />
      {checked && (
        <div class="dry-run" role="region" aria-label="What restoring would do">
          <p>
            <strong>{checked.fileName}</strong> (backup of {formatDay(checked.plan.exportedAt)}
            {checked.plan.exportedBy ? ` by ${checked.plan.exportedBy}` : ''}): {describeRestorePlan(checked.plan)}
          </p>
          <p class="quiet">
            Merge keeps everything here and adds the backup to it. Replace deletes the {checked.plan.current.contacts.toLocaleString()}{' '}
            contacts and {checked.plan.current.interactions.toLocaleString()} interactions here first.
          </p>
          <div class="actions">
            <button type="button" disabled={restore.isPending} onClick={() => run('merge')}>
              Merge into my data
            </button>
            <button type="button" class="secondary danger" disabled={restore.isPending} onClick={() => run('replace')}>
              Replace my data with this backup
            </button>
            <button type="button" class="secondary" onClick={() => setChecked(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
