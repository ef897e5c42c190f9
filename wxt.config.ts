import { defineConfig } from 'wxt';

/** Sites whose pages Margin reads. Content scripts and the sidebar frame are limited to these. */
const SITE_MATCHES = ['https://mail.google.com/*', 'https://www.linkedin.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  manifest: ({ browser }) => ({
    name: 'Margin — CRM in the margin of Gmail and LinkedIn',
    short_name: 'Margin',
    description:
      'Recognises the person on a Gmail thread or LinkedIn profile, shows their history and lets you log a note. All data stays in your browser.',
    // storage: the sidebar's collapsed state and per-tab page context (session). Nothing else.
    permissions: ['storage'],
    action: { default_title: 'Open the Margin dashboard' },
    web_accessible_resources:
      browser === 'firefox'
        ? (['sidebar.html'] as never)
        : [{ resources: ['sidebar.html'], matches: SITE_MATCHES }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'margin@margin-crm.invalid',
              strict_min_version: '115.0',
              // Margin sends nothing anywhere: it declares that it collects no data.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    build: { sourcemap: false },
  }),
});
