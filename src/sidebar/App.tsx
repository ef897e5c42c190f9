import { EmptyState } from './EmptyState';
import { PersonPanel } from './PersonPanel';
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
  if (!context?.person) return <EmptyState site={context?.site} />;
  // Keyed by identity: switching person resets the composer instead of carrying a draft over.
  const key = context.person.email ?? context.person.linkedinSlug ?? context.person.name;
  return <PersonPanel key={key} context={context} person={context.person} />;
}
