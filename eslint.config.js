import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Content scripts run in the page's origin: the database must never be reachable from them. */
const CONTENT_SCRIPT_FILES = ['entrypoints/*.content.ts', 'entrypoints/*.content/**', 'src/content/**', 'src/sites/**'];

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
      'no-restricted-imports': [
        'error',
        { name: 'webextension-polyfill', message: "Import `browser` from 'wxt/browser' so tests get WXT's fake browser." },
      ],
    },
  },
  {
    files: CONTENT_SCRIPT_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/db', '**/db/**', 'dexie', 'dexie/**'], message: "Content scripts run in the page's origin: the database lives in the extension origin only." },
            { group: ['preact', 'preact/**', '@tanstack/**'], message: 'Content scripts stay tiny: UI lives in the sidebar page.' },
            { group: ['zod', 'zod/**'], allowTypeImports: true, message: 'Content scripts stay tiny: validation happens where the context enters the extension (import types only).' },
          ],
        },
      ],
    },
  },
);
