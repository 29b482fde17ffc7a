// Lint, and the layering of DESIGN.md checked by a tool rather than by memory.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'worker_threads', 'stream'];

/** Services never reach up into a front: they must run in plain Node, under any of the three. */
const serviceLayer = {
  patterns: [
    { group: ['electron'], message: 'Services must run in plain Node: only main.ts and preload.ts import electron.' },
    { group: ['**/host/*', '**/cli/*', '**/main.ts', '**/preload.ts', '**/launch.ts'], message: 'Services do not import a front (host, CLI, main).' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'resources/**', 'tests/e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to Node only through the contract (renderer/api-client.ts).' }],
          patterns: [
            { group: ['**/electron/**', '**/electron/*'], allowTypeImports: true, message: 'The renderer imports only types from electron/ (the contract, api.ts).' },
            { group: nodeBuiltins, message: 'The renderer has no Node: it runs in a sandboxed page.' },
          ],
        },
      ],
    },
  },
  { files: ['electron/vault/**', 'electron/annotations/**', 'electron/search/**', 'electron/importers/**', 'electron/export/**', 'electron/core/**'], rules: { 'no-restricted-imports': ['error', serviceLayer] } },
  {
    files: ['electron/api.ts', 'electron/api-channels.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'], patterns: [...nodeBuiltins, '**/host/*', '**/cli/*', '**/core/*'] }] },
  },
);
