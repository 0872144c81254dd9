// Lint rules that hold the house together: strict TypeScript everywhere, React hooks rules in the app,
// and a pure domain: src/domain may not import React, RxDB, Dexie, the DOM or the network.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const forbiddenInDomain = [
  { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'src/domain is pure: no React.' },
  { group: ['rxdb', 'rxdb/*', 'dexie', 'dexie/*', 'rxjs', 'rxjs/*'], message: 'src/domain is pure: no database.' },
  { group: ['zustand', 'zustand/*', '@tanstack/*', 'workbox-*', 'i18next', 'react-i18next'], message: 'src/domain is pure: no app state or framework.' },
  { group: ['node:*', 'fs', 'http', 'https', 'net', 'undici', 'axios', 'ky', 'pg', 'better-sqlite3', 'kysely'], message: 'src/domain is pure: no I/O.' },
  { group: ['../*', '!./*'], message: 'src/domain imports only from src/domain.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'dev-dist/', 'tests/.artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: forbiddenInDomain }],
      // The DOM and network are out of bounds here too, even without an import.
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'fetch', 'localStorage', 'indexedDB', 'XMLHttpRequest', 'WebSocket', 'EventSource'],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/domain/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/sync-server/**'], message: 'src/ never imports from sync-server/.' }] }],
    },
  },
);
