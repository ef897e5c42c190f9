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

function keyOf(row: unknown): string {
  const record = row as { id?: unknown; key?: unknown } | null;
  return String(record?.id ?? record?.key ?? '');
}
