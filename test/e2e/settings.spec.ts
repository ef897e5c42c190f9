import { DEMO_SITE_MAP, GMAIL_DEMO_THREAD_URL, PRIYA } from './support/demo-pages';
import { saveScreenshot } from './support/screenshots';
import { expect, test } from './support/test';

test('a note template and a contact field defined in settings show up in the sidebar', async ({ context, page, site, sidebar, extensionUrl }) => {
  site.serve(DEMO_SITE_MAP);
  const settings = await context.newPage();
  await settings.goto(extensionUrl('options.html'));
  await settings.getByRole('button', { name: 'Add the BANT qualification template' }).click();
  await expect(settings.getByRole('status').filter({ hasText: 'Qualification (BANT)' })).toBeVisible();

  await settings.getByLabel('Field name').fill('Seats');
  await settings.getByLabel('Type').selectOption('number');
  await settings.getByRole('button', { name: 'Add field' }).click();
  await expect(settings.getByText('Field “Seats” added.')).toBeVisible();
  await saveScreenshot(settings, 'settings-1-template-and-field-added');

  await page.goto(GMAIL_DEMO_THREAD_URL);
  const margin = await sidebar(page);
  await expect(margin.getByRole('heading', { level: 1, name: PRIYA.name })).toBeVisible();
  await margin.getByLabel('Template').selectOption({ label: 'Qualification (BANT)' });
  await margin.getByLabel('Budget', { exact: true }).fill('Approved for Q3');
  await margin.getByLabel('Need', { exact: true }).fill('Night planning is manual today');
  await margin.getByLabel('Next step', { exact: true }).fill('Send the order form');
  await margin.getByRole('button', { name: 'Save note' }).click();

  const first = margin.getByRole('region', { name: 'Timeline' }).getByRole('listitem').first();
  await expect(first).toContainText('Budget: Approved for Q3');
  await expect(first).toContainText('Need: Night planning is manual today');

  // The contact exists now, so its Details carry the custom field, checked by its type.
  await margin.getByText('Details').click();
  const seats = margin.getByLabel('Seats');
  await seats.fill('forty');
  await seats.press('Tab');
  await expect(margin.getByText('Seats must be a number.')).toBeVisible();
  await seats.fill('40');
  await seats.press('Tab');
  await expect(margin.getByText('Seats saved.')).toBeVisible();
  await expect(margin.getByText('Seats must be a number.')).toHaveCount(0);
  await page.reload();
  await (await sidebar(page)).getByText('Details').click();
  await expect((await sidebar(page)).getByLabel('Seats')).toHaveValue('40');
  await saveScreenshot(page, 'settings-2-template-note-and-field');
});

test('an address on the never-log list is not captured, and "keep a snippet" stays off until asked', async ({ context, page, site, sidebar, extensionUrl }) => {
  site.serve(DEMO_SITE_MAP);
  const settings = await context.newPage();
  await settings.goto(extensionUrl('options.html'));
  await expect(settings.getByRole('checkbox', { name: /snippet/i })).not.toBeChecked();
  await settings.getByLabel('Address or domain').fill('northwind-logistics.example');
  await settings.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(settings.getByRole('list', { name: 'Never logged' })).toContainText('northwind-logistics.example');

  await page.goto(GMAIL_DEMO_THREAD_URL);
  const margin = await sidebar(page);
  await expect(margin.getByRole('heading', { level: 1, name: PRIYA.name })).toBeVisible();
  await expect(margin.getByRole('button', { name: 'Track' })).toHaveCount(0);
  await expect(margin.getByText(/never-log/i).first()).toBeVisible();
});
