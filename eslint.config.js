// Lint: TypeScript rules, React hooks, and the layering of the architecture (design.md):
// shared/ imports neither electron, Node nor the DOM; the renderer never imports the core or Node;
// only the hosts (electron/main, electron/preload) import 'electron'.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Bare names are matched exactly (so '../util/kbo' is fine); patterns catch node:* and folders.
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'url', 'util', 'node:*'];
const restrict = (names, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: names.filter((n) => !n.includes('*')).map((name) => ({ name, message })),
      patterns: names.filter((n) => n.includes('*')).map((g) => ({ group: [g], message })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.scratch/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(['electron', 'better-sqlite3', 'react', 'react-dom', ...nodeBuiltins, '**/electron/**', '**/renderer/**'], 'shared/ is pure: no electron, Node, DB, DOM or host code (design.md).'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/refs': 'off',
      ...restrict(['electron', 'better-sqlite3', ...nodeBuiltins, '**/electron/**'], 'The renderer talks to the core only through window.api (design.md).'),
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/web/**/*.ts'],
    rules: restrict(['electron', '**/renderer/**'], 'The core and its CLI/web host are plain Node: only electron/main and electron/preload import electron.'),
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer', '__dirname'] },
  },
);
