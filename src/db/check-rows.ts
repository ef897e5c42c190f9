import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { RowRejectedError } from './input-rejected-error';
import { ROW_SCHEMAS, rowProblem, type TableName } from '../model/schemas';

/**
 * Every row written to a table is checked against that table's schema, the same one a backup is
 * checked against on Restore, whatever the path (a note, a draft, a setting, a CSV import, a
 * restore, a migration). A row that does not fit is refused with a sentence saying what is wrong,
 * and its transaction fails as a whole: "what Margin stores, Margin can restore" by construction.
 */
export const checkRowsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'margin-check-rows',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      return Object.hasOwn(ROW_SCHEMAS, name) ? checkedTable(table, name as TableName) : table;
    },
  }),
};

function checkedTable(table: DBCoreTable, name: TableName): DBCoreTable {
  return {
    ...table,
    mutate: (request: DBCoreMutateRequest) => {
      // A schema upgrade rewrites rows an earlier version stored, which may break a bound added
      // since (a 600-character name from an old CSV import). Refusing one there would fail the
      // upgrade and keep the user from every row; such a row is refused, with its reason, on its
      // next ordinary write and by Restore instead.
      if (isSchemaUpgrade(request)) return table.mutate(request);
      if (request.type === 'add' || request.type === 'put') {
        for (const row of request.values) {
          const problem = rowProblem(name, row);
          if (problem) return Promise.reject(new RowRejectedError(name, keyOf(row), problem));
        }
      }
      return table.mutate(request);
    },
  };
}

/** Dexie's IndexedDB layer passes the IDBTransaction itself as the request's transaction. */
function isSchemaUpgrade(request: DBCoreMutateRequest): boolean {
  return (request.trans as unknown as Partial<IDBTransaction>).mode === 'versionchange';
}

function keyOf(row: unknown): string {
  const record = row as { id?: unknown; key?: unknown } | null;
  return String(record?.id ?? record?.key ?? '');
}
