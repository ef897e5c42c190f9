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
    // Content scripts and the extension pages (sidebar, dashboard, options) call only
    // promise-native APIs (runtime.sendMessage, storage.local, getURL, runtime.id) and never
    // answer a message with a promise (content scripts answer their one message with a
    // synchronous sendResponse; pages answer none), so they get WXT's plain `browser`
    // (browser ?? chrome) instead of webextension-polyfill: ~3 KB gzip less on each, which the
    // sidebar's first paint needs. The background keeps the polyfill; tests keep WXT's fake browser.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entrypoint) => entrypoint.type === 'background')) return;
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
    permissions: ['storage', 'alarms', 'notifications'],
    // The CRM the user connects (Settings > CRM connection): asked for on the Connect click, for
    // that one address only, and given back on Disconnect. Nothing is granted at install.
    // (Firefox's MV2 manifest has no optional_host_permissions: origins go in optional_permissions.)
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*'] as never } : { optional_host_permissions: ['https://*/*'] }),
    ...(E2E_BUILD ? { host_permissions: [E2E_CRM_MOCK] } : {}),
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
