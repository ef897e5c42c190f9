import type { PageContext } from '../page-context/page-context';

const HINTS: Record<PageContext['site'], string> = {
  gmail: 'Open an email thread and Margin shows the person who wrote last, their history and a place for your note.',
  linkedin: 'Open a LinkedIn profile and Margin shows that person and what you know about them.',
};

export function EmptyState({ site }: { site: PageContext['site'] | undefined }) {
  return (
    <section class="empty" aria-labelledby="empty-heading">
      <h1 id="empty-heading">Nobody recognised on this page</h1>
      <p>{site ? HINTS[site] : 'Open a Gmail thread or a LinkedIn profile to see the person and log a note.'}</p>
      <p class="quiet">Margin reads only the page you have open, and keeps everything in this browser.</p>
    </section>
  );
}
