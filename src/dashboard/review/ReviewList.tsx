import type { ComponentChildren } from 'preact';

/** One list of the weekly review, headed with its count, or a sentence when it is empty. */
export function ReviewList({ title, count, empty, children }: { title: string; count: number; empty: string; children: ComponentChildren }) {
  const id = `review-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section aria-labelledby={id} class="review-list">
      <h2 id={id}>
        {title} ({count})
      </h2>
      {count === 0 ? <p class="quiet">{empty}</p> : <ul>{children}</ul>}
    </section>
  );
}
