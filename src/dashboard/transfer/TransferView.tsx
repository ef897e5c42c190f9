import { SyncPanel } from '../sync/SyncPanel';
import { ExportPanel } from './ExportPanel';
import { ImportCsvPanel } from './ImportCsvPanel';
import { RestoreBackupPanel } from './RestoreBackupPanel';

/** Everything in and out of Margin: export, restore, CSV import. */
export function TransferView() {
  return (
    <div class="transfer-view">
      <SyncPanel />
      <ExportPanel />
      <RestoreBackupPanel />
      <ImportCsvPanel />
    </div>
  );
}
