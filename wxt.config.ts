import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
// Sites whose pages Margin reads (src/model/sites.ts): the sidebar frame is exposed to these only.
import { ALL_SITE_MATCHES } from './src/model/sites';


/**
 * `npm run test:e2e` builds with MARGIN_E2E=1: that build may reach the tests' CRM mock on
 * 127.0.0.1 (granted at install, because a test cannot click the browser's permission prompt).
 * Builds users get never have it.
 */
const E2E_BUILD = process.env.MARGIN_E2E === '1';
const E2E_CRM_MOCK = 'http://127.0.0.1/*';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  hooks: {
    // Content scripts call only promise-native APIs (sendMessage, storage.local, getURL) and
    // answer the one message they receive with a synchronous sendResponse, so they get WXT's
    // plain `browser` (browser ?? chrome) instead of webextension-polyfill: ~2.5 KB gzip each.
    // Every other entrypoint keeps the polyfill; tests keep WXT's fake browser either way.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const plainBrowser = fileURLToPath(import.meta.resolve('wxt/browser'));
      config.resolve ??= {};
      const alias = config.resolve.alias;
      config.resolve.alias = Array.isArray(alias)
        ? [{ find: 'wxt/browser', replacement: plainBrowser }, ...alias]
        : { ...alias, 'wxt/browser': plainBrowser };
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
    // scripting + host_permissions (Chrome): put the sidebar back into open Gmail/LinkedIn tabs
    // after an install, update or reload (src/background/reinject-content-scripts.ts); the same
    // two sites the content scripts already run on, so the install prompt asks for nothing new.
    permissions: ['storage', 'alarms', 'notifications', ...(browser === 'firefox' ? [] : ['scripting'])],
    // The CRM the user connects (Settings > CRM connection): asked for on the Connect click, for
    // that one address only, and given back on Disconnect. Nothing is granted at install.
    // (Firefox's MV2 manifest has no optional_host_permissions: origins go in optional_permissions.)
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*'] as never } : { optional_host_permissions: ['https://*/*'] }),
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
    web_accessible_resources:
      browser === 'firefox'
        ? (['sidebar.html'] as never)
        : [{ resources: ['sidebar.html'], matches: [...ALL_SITE_MATCHES] }],
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
