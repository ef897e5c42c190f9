import { useEffect, useState } from 'preact/hooks';
import { CONTACT_COLUMN_FIELDS, guessColumnMapping, type ColumnMapping, type ContactColumnField } from '../../import/contact-columns';
import { applyCsvImport, planCsvImport, type CsvImportPlan } from '../../import/csv-contact-import';
import { parseCsvText, type ParsedCsv } from '../../import/parse-csv';
import { readImportFile } from '../../import/read-import-file';
import { useDatabase } from '../../ui/database-context';
import { useMutation } from '../../ui/use-mutation';
import { describeImportError } from './describe-import-error';
import { InputRejectedError } from '../../db/input-rejected-error';
import { ErrorAlert } from '../../ui/ErrorAlert';

/** Import contacts from a CSV the team's CRM exported: map columns, check, import. */
export function ImportCsvPanel() {
  const database = useDatabase();
  const [csv, setCsv] = useState<{ fileName: string; parsed: ParsedCsv } | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [plan, setPlan] = useState<CsvImportPlan | null>(null);
  const [message, setMessage] = useState('');

  const read = useMutation('read the file', async (file: File) => {
    try {
      return { fileName: file.name, parsed: parseCsvText(await readImportFile(file)) };
    } catch (error) {
      throw new InputRejectedError(describeImportError(file.name, error), { cause: error });
    }
  });
  const apply = useMutation('import the file', async (toApply: CsvImportPlan) => {
    try {
      return await applyCsvImport(await database(), toApply);
    } catch (error) {
      throw new InputRejectedError(describeImportError(csv?.fileName ?? 'The file', error), { cause: error });
    }
  });

  useEffect(() => {
    if (!csv) return;
    let current = true;
    database()
      .then((db) => planCsvImport(db, csv.parsed, mapping, Date.now()))
      .then((next) => current && setPlan(next));
    return () => {
      current = false;
    };
  }, [csv, mapping]);

  const onFile = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    setCsv(null);
    setPlan(null);
    setMessage('');
    if (file) {
      read.mutate(file, {
        onSuccess: (loaded) => {
          setMapping(guessColumnMapping(loaded.parsed.headers));
          setCsv(loaded);
        },
      });
    }
    input.value = '';
  };

  const setColumn = (field: ContactColumnField, value: string) => {
    const next = { ...mapping };
    if (value === '') delete next[field];
    else next[field] = Number(value);
    setMapping(next);
  };

  const error = read.errorMessage || apply.errorMessage;
  return (
    <section aria-labelledby="csv-import-heading" class="transfer">
      <h2 id="csv-import-heading">Import contacts from a CSV</h2>
      <p class="quiet">A contacts export from HubSpot, Salesforce, Pipedrive or a spreadsheet (UTF-8). People already here are matched by address and LinkedIn profile.</p>
      <label class="field">
        <span>CSV file</span>
        <input type="file" accept=".csv,text/csv" onChange={onFile} disabled={read.isPending || apply.isPending} />
      </label>
      <ErrorAlert message={error} />
      {csv && (
        <div class="mapping" role="region" aria-label="Column mapping">
          <p>
            <strong>{csv.fileName}</strong>: {csv.parsed.rows.length.toLocaleString()} rows. Choose which column fills each field.
          </p>
          <div class="mapping-grid">
            {CONTACT_COLUMN_FIELDS.map(({ field, label }) => (
              <label key={field} class="field">
                <span>{label}</span>
                <select value={mapping[field] === undefined ? '' : String(mapping[field])} onChange={(event) => setColumn(field, event.currentTarget.value)}>
                  <option value="">(not imported)</option>
                  {csv.parsed.headers.map((header, index) => (
                    <option key={index} value={String(index)}>
                      {header || `Column ${index + 1}`}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          {plan && (
            <div class="dry-run">
              <p>
                {plan.created.toLocaleString()} new contacts, {plan.merged.toLocaleString()} merged into contacts already here
                {plan.duplicatesInFile > 0 ? `, ${plan.duplicatesInFile} duplicate rows folded together` : ''}, {plan.skipped.length} rows skipped.
              </p>
              {plan.skipped.length > 0 && (
                <ul class="skipped">
                  {plan.skipped.slice(0, 10).map((skip) => (
                    <li key={skip.row}>
                      Row {skip.row}: {skip.reason}
                    </li>
                  ))}
                  {plan.skipped.length > 10 && <li>… and {plan.skipped.length - 10} more</li>}
                </ul>
              )}
              <button
                type="button"
                disabled={plan.writes.length === 0 || apply.isPending}
                onClick={() =>
                  apply.mutate(plan, {
                    onSuccess: (count) => {
                      setMessage(`Imported ${csv.fileName}: ${count} contacts stored.`);
                      setCsv(null);
                      setPlan(null);
                    },
                  })
                }
              >
                Import {plan.writes.length.toLocaleString()} contacts
              </button>
            </div>
          )}
        </div>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
