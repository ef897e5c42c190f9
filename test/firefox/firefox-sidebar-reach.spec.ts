import { DEMO_SITE_MAP, GMAIL_DEMO_THREAD_URL, PRIYA } from '../e2e/support/demo-pages';
import { servePagesIn } from './support/serve-pages';
import { frameFromPageScript, readSidebar, saveFirefoxScreenshot, sidebarFrameIn } from './support/sidebar-in-firefox';
import { expect, test } from './support/test';

/**
 * Issue 13, finding 9: with the MV2 manifest, any site whose script knew the install's
 * moz-extension:// address could show Margin's sidebar in a frame of its own (and so dress it up,
 * or trick clicks into it). The sidebar is web-accessible to Gmail and LinkedIn only now.
 */
const ANY_OTHER_SITE_URL = 'https://any-other-site.example/';
const ANY_OTHER_SITE_FIXTURE = 'test/fixtures/other-sites/any-other-site.html';

test("a page on another site cannot show Margin's sidebar, even knowing its address", async ({
  firefox,
  firefoxPage: page,
  tab,
  extensionUrl,
}) => {
  const sidebarUrl = extensionUrl('sidebar.html');

  await test.step('on any other site, Firefox refuses the frame', async () => {
    tab.serve({ [ANY_OTHER_SITE_URL]: ANY_OTHER_SITE_FIXTURE });
    await page.goto(ANY_OTHER_SITE_URL);
    const probe = await frameFromPageScript(page, sidebarUrl);
    expect(probe).toEqual({ event: 'error', sidebarText: null });
    await saveFirefoxScreenshot(page, 'firefox-6-other-site-no-sidebar');
  });

  await test.step('the same script on the Gmail thread gets the sidebar: the address is right', async () => {
    const gmail = await firefox.browser.newPage();
    try {
      const gmailTab = await servePagesIn(gmail, DEMO_SITE_MAP);
      await gmail.goto(GMAIL_DEMO_THREAD_URL);
      // Margin's own sidebar is up (and is at that address) before the page's script tries.
      const ownSidebar = await sidebarFrameIn(gmail);
      await expect.poll(async () => (await readSidebar(ownSidebar)).heading).toBe(PRIYA.name);
      expect(await ownSidebar.evaluate(() => location.href)).toBe(sidebarUrl);
      const probe = await frameFromPageScript(gmail, sidebarUrl);
      expect(probe.event).toBe('load');
      expect(probe.sidebarText).not.toBeNull();
      expect(gmailTab.unexplainedRequests()).toEqual([]);
    } finally {
      await gmail.close();
    }
  });
});
