import { EmptyState } from './EmptyState';
import { PageView } from './PageView';
import { useTabContext } from './use-tab-context';

export function App() {
  const tab = useTabContext();
  if (tab.status === 'loading') {
    return <p class="quiet loading" aria-busy="true">Reading the page…</p>;
  }
  if (tab.status === 'failed') {
    return (
      <section role="alert" class="empty">
        <h1>Margin could not reach this tab</h1>
        <p>Reload the page to try again. ({tab.reason})</p>
      </section>
    );
  }
  const { context } = tab;
  if (!context) return <EmptyState site={undefined} />;
  return <PageView context={context} />;
}
