import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
// Sites whose pages Margin reads (src/model/sites.ts): the sidebar frame is exposed to these only.
import { ALL_SITE_MATCHES, SITES, SITE_TABLE } from './src/model/sites';

const SITE_ORIGINS = SITES.map((site) => SITE_TABLE[site].origin);

/**
 * The build the end-to-end tests load (`npm run test:e2e` and `npm run test:firefox` set
 * MARGIN_E2E=1). It differs from a user build only in what a test needs to reach the CRM mock on
 * 127.0.0.1: `connect-src` allows http://127.0.0.1 (EXTENSION_PAGES_CSP), and the host permission
 * for it is granted at install (a test cannot click the browser's permission prompt). Everything
 * else (the sidebar's reach, the script policy) is the user build's. Builds users get
 * (`npm run build`, `npm run zip`) never have it.
 */
const E2E_BUILD = process.env.MARGIN_E2E === '1';
const E2E_CRM_MOCK = 'http://127.0.0.1/*';

/**
 * The policy of every extension page (sidebar, dashboard, options, background), in both browsers.
 * Scripts and styles come only from the package; no plugins, no <base>, no form posts; only the
 * two sites (and the extension itself) may frame an extension page. `connect-src` is the CRM
 * sync's: the API address is editable (a company proxy), so a fixed host list cannot hold it;
 * `https:` keeps tokens off cleartext and the optional host permission the user grants on
 * "Connect" picks the one host (docs/ARCHITECTURE.md, "Extension pages' policy").
 */
const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  `frame-ancestors 'self' ${SITE_ORIGINS.join(' ')}`,
  `connect-src 'self' https:${E2E_BUILD ? ' http://127.0.0.1:*' : ''}`,
].join('; ');

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox too: only MV3 can limit a web-accessible resource to some sites (`matches`), and the
  // sidebar frame must be loadable on Gmail and LinkedIn only (issue 13, finding 9).
  manifestVersion: 3,
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  hooks: {
    // Content scripts and the extension pages (sidebar, dashboard, options) call only
    // promise-native APIs (runtime.sendMessage, storage.local, getURL, runtime.id) and never
    // answer a message with a promise (content scripts answer their one message with a
    // synchronous sendResponse; pages answer none), so they get WXT's plain `browser`
    // (browser ?? chrome) instead of webextension-polyfill: ~3 KB gzip less on each, which the
    // sidebar's first paint needs. The background keeps the polyfill; tests keep WXT's fake browser.
    //
    // Content scripts also get Margin's own ContentScriptContext (src/content/content-script-context.ts)
    // where WXT's entry creates one: WXT's lets any page script stop Margin with a forged "script
    // started" event, and it was ~0.8 KB gzip of each content script's 10 KB budget.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entrypoint) => entrypoint.type === 'background')) return;
      const replacements = {
        'wxt/browser': fileURLToPath(import.meta.resolve('wxt/browser')),
        'wxt/utils/content-script-context': fileURLToPath(new URL('./src/content/content-script-context.ts', import.meta.url)),
      };
      config.resolve ??= {};
      const alias = config.resolve.alias;
      config.resolve.alias = Array.isArray(alias)
        ? [...Object.entries(replacements).map(([find, replacement]) => ({ find, replacement })), ...alias]
        : { ...alias, ...replacements };
    },
  },
  manifest: ({ browser }) => ({
    // Mozilla's linter allows at most 45 characters here.
    name: 'Margin: a CRM beside Gmail and LinkedIn',
    short_name: 'Margin',
    description:
      'Recognises the person on a Gmail thread or LinkedIn profile, shows their history and lets you log a note. All data stays in your browser.',
    // storage: the sidebar's collapsed state and per-tab page context (session).
    // alarms + notifications: follow-up reminders that fire when due, even after a restart.
    // alarms also wakes the background once a day to let scores decay (metrics:daily-recompute).
    // scripting: walk a page's structure when the user asks for a description of a page Margin
    // cannot read (src/background/handlers.ts), so no content script carries that walk; on the
    // sites the content scripts run on only. In Chrome, with host_permissions for the same two
    // sites, it also puts the sidebar back into open Gmail/LinkedIn tabs after an install, update
    // or reload (src/background/reinject-content-scripts.ts); the install prompt asks for nothing new.
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    // The CRM the user connects (Settings > CRM connection): asked for on the Connect click, for
    // that one address only, and given back on Disconnect. Nothing is granted at install.
    // Both builds are MV3 (Firefox too), so the origin is an optional host permission in both.
    optional_host_permissions: ['https://*/*'],
    ...(browser !== 'firefox' || E2E_BUILD
      ? { host_permissions: [...(browser === 'firefox' ? [] : ALL_SITE_MATCHES), ...(E2E_BUILD ? [E2E_CRM_MOCK] : [])] }
      : {}),
    commands: {
      // Alt+Shift+M clashes with neither Gmail's single-key shortcuts nor LinkedIn's; users can
      // change it at chrome://extensions/shortcuts (about:addons in Firefox).
      'focus-composer': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Write a note about the person on this page',
      },
    },
    action: { default_title: 'Open the Margin dashboard' },
    // The sidebar frame, on the sites only: no other page can load it (and so frame it).
    web_accessible_resources: [{ resources: ['sidebar.html'], matches: [...ALL_SITE_MATCHES] }],
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'margin@margin-crm.invalid',
              // data_collection_permissions (below) exists from Firefox 140 on.
              strict_min_version: '140.0',
              // Margin sends nothing anywhere: it declares that it collects no data.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    build: { sourcemap: false },
  }),
});
