import { render, type ComponentType } from 'preact';
import { DatabaseContext, lazyDatabase } from './database-context';
import { createQueryClient } from './query-client';
import { QueryClientContext } from './query-client-context';
import { lazyComponent } from './lazy-component';
import './theme.css';

// Watching the CRM outbox waits until the page has painted (its own chunk).
const WakeCrmSync = lazyComponent(() => import('./WakeCrmSync').then((module) => module.WakeCrmSync));

/**
 * Renders an extension page's root component with its query cache and its database, which loads
 * (Dexie and all) the first time a component asks for it, never before the first render.
 */
export function mountExtensionPage(App: ComponentType): void {
  const root = document.getElementById('app');
  if (!root) throw new Error('The page has no #app element to render into.');
  render(
    <DatabaseContext.Provider value={lazyDatabase()}>
      <QueryClientContext.Provider value={createQueryClient()}>
        <App />
        <WakeCrmSync />
      </QueryClientContext.Provider>
    </DatabaseContext.Provider>,
    root,
  );
}
