import type { PageContext } from '../page-context/page-context';

/** Page kinds that normally show someone; nobody on them deserves an explanation. */
export function pageKindExpectsPerson(context: PageContext): boolean {
  return ['gmail-thread', 'gmail-compose', 'linkedin-profile', 'linkedin-contact-info', 'linkedin-messaging', 'linkedin-sales-lead'].includes(
    context.pageKind,
  );
}
