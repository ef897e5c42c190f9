import { render, type RenderResult } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import type { MarginDb } from '../../src/db/database';
import { DatabaseContext } from '../../src/ui/database-context';
import { createQueryClient } from '../../src/ui/query-client';
import { QueryClientContext } from '../../src/ui/query-client-context';

/** Renders UI the way an extension page does: with a database (already open) and a fresh query cache. */
export function renderWithDb(db: MarginDb, ui: ComponentChildren): RenderResult {
  return render(
    <DatabaseContext.Provider value={() => Promise.resolve(db)}>
      <QueryClientContext.Provider value={createQueryClient()}>{ui}</QueryClientContext.Provider>
    </DatabaseContext.Provider>,
  );
}
