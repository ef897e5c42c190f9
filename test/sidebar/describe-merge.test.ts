import { describe, expect, it } from 'vitest';
import type { Contact } from '../../src/model/schemas';
import { describeMerge } from '../../src/sidebar/IdentityTools';

function contact(name: string, identities: { emails?: string[]; linkedinIds?: string[] }): Contact {
  return {
    id: name + (identities.emails?.[0] ?? identities.linkedinIds?.[0] ?? ''),
    name,
    emails: identities.emails ?? [],
    linkedinIds: identities.linkedinIds ?? [],
    stage: 'Awareness',
    tags: [],
    customFields: {},
    createdAt: 0,
    updatedAt: 0,
  } as Contact;
}

describe('describeMerge', () => {
  it('tells two people of the same name apart by how Margin knows them', () => {
    const byEmail = contact('Priya Raman', { emails: ['priya.raman@northwind-logistics.example'] });
    const byProfile = contact('Priya Raman', { linkedinIds: ['priya-raman-northwind'] });
    expect(describeMerge(byProfile, byEmail, 5)).toBe(
      'Merged Priya Raman (priya.raman@northwind-logistics.example) into Priya Raman (linkedin.com/in/priya-raman-northwind): 5 items moved.',
    );
  });

  it('keeps it short when the names differ', () => {
    expect(describeMerge(contact('Priya Raman', { emails: ['p@x.example'] }), contact('P. Raman', { emails: ['pr@x.example'] }), 1)).toBe(
      'Merged P. Raman into Priya Raman: 1 item moved.',
    );
  });
});
