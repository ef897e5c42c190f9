import { DEMO_SITE_MAP, GMAIL_DEMO_THREAD_URL, PRIYA } from './support/demo-pages';
import { saveScreenshot } from './support/screenshots';
import { connectCrm, expect, test } from './support/crm-connect';

/**
 * The live sync to HubSpot end to end: the built extension (test build, which may reach
 * 127.0.0.1) against a mock that validates every request against Margin's HubSpot subset
 * (test/sync/contracts/hubspot/) and the rules HubSpot's documentation adds.
 */

test.use({ crm: 'hubspot' });

test('connect HubSpot in Settings, track a person, log a note: HubSpot gets one contact and one note associated with it', async ({
  page,
  site,
  sidebar,
  extensionUrl,
  crmMock: mock,
}) => {
  site.serve(DEMO_SITE_MAP);
  await connectCrm(page, site, extensionUrl('options.html#crm-connection'), mock, { connected: 'crm-sync-hubspot-1-options-connected' });
  // Connecting checked the token with one read and sent nothing else (Margin had no contacts yet).
  expect(mock.calls.map((call) => `${call.method} ${call.path}`)).toEqual(['GET /crm/v3/objects/contacts']);

  await page.goto(GMAIL_DEMO_THREAD_URL);
  const margin = sidebar(page);
  await expect(margin.getByRole('heading', { level: 1, name: PRIYA.name })).toBeVisible();
  await margin.getByLabel('Note', { exact: true }).fill('Pilot approved for the Rotterdam depot.');
  await margin.getByRole('radiogroup', { name: 'Sentiment' }).getByLabel('Positive').check();
  await margin.getByRole('button', { name: 'Save note' }).click();
  await expect(margin.getByText('In HubSpot', { exact: true })).toBeVisible({ timeout: 20_000 });
  await saveScreenshot(page, 'crm-sync-hubspot-2-sidebar-in-hubspot');

  const contacts = [...mock.hubspot.objects.contacts!.values()];
  expect(contacts).toHaveLength(1);
  const contact = contacts[0]!;
  expect(contact.properties).toMatchObject({ email: PRIYA.email, firstname: PRIYA.name.split(' ')[0], lastname: PRIYA.name.split(' ').slice(1).join(' ') });
  const notes = [...mock.hubspot.objects.notes!.values()].filter((note) => !note.archived);
  expect(notes).toHaveLength(1);
  expect(notes[0]!.associations).toEqual([{ to: contact.id, typeId: 202 }]);
  expect(notes[0]!.properties.hs_note_body).toContain('Pilot approved for the Rotterdam depot.<br>Sentiment: Positive');
  expect(notes[0]!.properties.hs_timestamp).toBeTruthy();
  // Nothing else was created in HubSpot.
  for (const type of ['emails', 'communications', 'tasks']) expect(mock.hubspot.objects[type]!.size).toBe(0);
  expect(site.crmMockRequests().every((request) => request.outcome === 'to-crm-mock')).toBe(true);
});
