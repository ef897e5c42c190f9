import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Content scripts run in the page's origin: the database must never be reachable from them. */
const CONTENT_SCRIPT_PATTERNS = [
  { group: ['**/db', '**/db/**', 'dexie', 'dexie/**'], message: "Content scripts run in the page's origin: the database lives in the extension origin only." },
  { group: ['preact', 'preact/**', '@tanstack/**'], message: 'Content scripts stay tiny: UI lives in the sidebar page.' },
  { group: ['zod', 'zod/**'], allowTypeImports: true, message: 'Content scripts stay tiny: validation happens where the context enters the extension (import types only).' },
];

const BASE_PATHS = [
  { name: 'webextension-polyfill', message: "Import `browser` from 'wxt/browser' so tests get WXT's fake browser." },
];

/*
 * Import directions (docs/ARCHITECTURE.md): UI → actions → db / rules / sync → model.
 * Each folder lists the folders it must never import; an arrow running the wrong way fails lint.
 */
const UI = ['ui', 'sidebar', 'dashboard', 'options', 'demo', 'bench'];
const WIRING = ['messaging', 'background', 'content'];
const RULES = ['identity', 'metrics', 'capture', 'sites', 'settings'];
const FILES = ['export', 'import'];

/** A module inside one of these folders (`../db/database`), whatever the relative path. */
const folders = (names) => names.map((name) => `**/${name}/**`);
const never = (names, why) => ({ group: folders(names), message: why });
const NO_UI_LIBRARIES = { group: ['preact', 'preact/**', '@tanstack/**'], message: 'Only components use Preact and the query cache.' };
const NO_DEXIE = { group: ['dexie', 'dexie/**'], message: 'Only src/db (and the use cases in src/actions) talk to Dexie.' };

/** Per folder: what it must not import. */
const LAYERS = [
  {
    files: ['src/model/**'],
    patterns: [
      never(['db', 'actions', ...RULES, ...FILES, ...WIRING, ...UI, 'sync'], 'src/model is the bottom layer: row schemas and tables, importing nothing of Margin but itself.'),
      NO_DEXIE,
      NO_UI_LIBRARIES,
    ],
  },
  {
    files: ['src/identity/**', 'src/metrics/**', 'src/capture/**', 'src/settings/**'],
    patterns: [
      never(['db', 'actions', ...FILES, ...WIRING, ...UI, 'sync'], 'Rules are pure functions of the model: storage and use cases call them, not the other way round.'),
      never(['sites'], 'General rules must not depend on one site: put what they share in src/identity or a site-table column.'),
      NO_DEXIE,
      NO_UI_LIBRARIES,
    ],
  },
  {
    files: ['src/sites/**'],
    patterns: [
      never(['actions', 'metrics', 'capture', 'settings', ...FILES, ...WIRING.filter((name) => name !== 'content'), ...UI, 'sync'], 'Recognisers read the page into the model; nothing else.'),
      ...CONTENT_SCRIPT_PATTERNS,
    ],
  },
  {
    files: ['src/db/**'],
    patterns: [
      // metrics: a schema upgrade fills derived rows (fill-person-activity.ts) with the same pure rules the use cases use.
      never(['actions', 'capture', 'sites', 'settings', ...FILES, ...WIRING, ...UI, 'sync'], 'src/db holds the Dexie schema and repositories over the model; use cases live in src/actions.'),
      NO_UI_LIBRARIES,
    ],
  },
  {
    files: ['src/actions/**'],
    patterns: [never([...WIRING, ...UI], 'Use cases are called by components and the background, never the reverse.'), NO_UI_LIBRARIES],
  },
  {
    files: ['src/export/**', 'src/import/**'],
    patterns: [never([...WIRING, ...UI], 'Files in and out know the data, never the components that show it.'), NO_UI_LIBRARIES],
  },
  {
    files: ['src/messaging/**'],
    patterns: [never(['db', 'actions', ...FILES, 'background', 'content', ...UI, 'sync'], 'The protocol is types and checks over the model.'), NO_DEXIE, NO_UI_LIBRARIES],
  },
  {
    files: ['src/background/**'],
    patterns: [never(['content', ...UI], 'The background wires messages to use cases; it shows nothing.'), NO_UI_LIBRARIES],
  },
  {
    files: ['src/content/**', 'entrypoints/*.content.ts', 'entrypoints/*.content/**'],
    patterns: [never(['actions', 'background', ...UI], 'Content scripts recognise and report, nothing more.'), ...CONTENT_SCRIPT_PATTERNS],
  },
  {
    files: UI.map((name) => `src/${name}/**`),
    patterns: [never(['background', 'content'], 'Components talk to the background by message (src/messaging), never by import.')],
  },
];

export default tseslint.config(
  { ignores: ['.output/**', '.output-bench/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'test-results/**', 'playwright-report/**', 'bench-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM with DOM APIs or Preact; Gmail enforces Trusted Types and page text is hostile.' },
        { property: 'outerHTML', message: 'Build DOM with DOM APIs or Preact.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No HTML from strings.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML from strings.' },
      ],
      'no-restricted-imports': ['error', { paths: BASE_PATHS }],
    },
  },
  ...LAYERS.map(({ files, patterns }) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { paths: BASE_PATHS, patterns }] },
  })),
);
