import type { PageContext } from '../model/page-context';
import { PAGE_KIND_TABLE } from '../model/page-kinds';

/** Page kinds that normally show someone; nobody on them deserves an explanation. */
export function pageKindExpectsPerson(context: PageContext): boolean {
  return PAGE_KIND_TABLE[context.pageKind].expectsPerson;
}
