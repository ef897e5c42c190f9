import type { PageContext } from '../model/page-context';
import { SITE_TABLE } from '../model/sites';

export function EmptyState({ site }: { site: PageContext['site'] | undefined }) {
  return (
    <section class="empty" aria-labelledby="empty-heading">
      <h1 id="empty-heading">Nobody recognised on this page</h1>
      <p>{site ? SITE_TABLE[site].emptyHint : 'Open a Gmail thread or a LinkedIn profile to see the person and log a note.'}</p>
      <p class="quiet">Margin reads only the page you have open, and keeps everything in this browser.</p>
    </section>
  );
}
