// Lint rules that hold the house together: strict TypeScript everywhere, React hooks rules in the app,
// a pure domain (src/domain may not import React, RxDB, Dexie, the DOM or the network), and the walls of
// CONVENTIONS.md: a feature imports no other feature, a floor imports no floor above it, no import cycles,
// and the server's lower rooms stay below its plugins and away from its seed code.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

const forbiddenInDomain = [
  { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'src/domain is pure: no React.' },
  { group: ['rxdb', 'rxdb/*', 'dexie', 'dexie/*', 'rxjs', 'rxjs/*'], message: 'src/domain is pure: no database.' },
  { group: ['zustand', 'zustand/*', '@tanstack/*', 'workbox-*', 'i18next', 'react-i18next'], message: 'src/domain is pure: no app state or framework.' },
  { group: ['node:*', 'fs', 'http', 'https', 'net', 'undici', 'axios', 'ky', 'pg', 'better-sqlite3', 'kysely'], message: 'src/domain is pure: no I/O.' },
  { group: ['../*', '!./*'], message: 'src/domain imports only from src/domain.' },
];

/*
 * The floors of the app, lowest first: domain <- i18n <- data <- catalog / devices / session / ui <- sync <-
 * features <- app (and src/main.tsx, the entry; src/display-main.tsx, the customer display's). Each entry names what that folder may NOT import: every floor
 * above it, and for data (which catalog and session read) its own neighbours, so the middle floor cannot loop.
 * Paths are relative to the folder ESLint runs in (the repository root).
 */
const above = {
  app: ['src/app', 'src/main.tsx', 'src/display-main.tsx'],
  features: ['src/features'],
  sync: ['src/sync'],
};
const floorWalls = [
  { floor: 'src/i18n', mayNotImport: ['src/data', 'src/catalog', 'src/devices', 'src/session', 'src/ui', ...above.sync, ...above.features, ...above.app] },
  { floor: 'src/data', mayNotImport: ['src/catalog', 'src/devices', 'src/session', 'src/ui', ...above.sync, ...above.features, ...above.app] },
  { floor: 'src/catalog', mayNotImport: ['src/devices', 'src/session', 'src/ui', ...above.sync, ...above.features, ...above.app] },
  { floor: 'src/devices', mayNotImport: [...above.sync, ...above.features, ...above.app] },
  { floor: 'src/session', mayNotImport: [...above.sync, ...above.features, ...above.app] },
  // The design system draws; it reads no database, catalog or device.
  { floor: 'src/ui', mayNotImport: ['src/data', 'src/catalog', 'src/devices', ...above.sync, ...above.features, ...above.app] },
  { floor: 'src/sync', mayNotImport: [...above.features, ...above.app] },
  { floor: 'src/features', mayNotImport: [...above.app] },
];
const floorZones = floorWalls.flatMap(({ floor, mayNotImport }) =>
  mayNotImport.map((from) => ({ target: floor, from, message: `${floor} sits below ${from}: move what both need down a floor.` })),
);

// One wall per feature folder, read from the tree so a new feature is walled in the moment it exists.
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const featureZones = features.map((feature) => ({
  target: `src/features/${feature}`,
  from: 'src/features',
  except: [`./${feature}`],
  message: `src/features/${feature} may not reach into another feature: move what both need down to src/ui, src/session, src/data or src/domain.`,
}));

/*
 * The server's floors: store <- live / policies / integrations / catalog <- plugins <- routes <- app.ts, main.ts
 * (and the admin command, admin/ with admin-cli.ts, beside them at the top).
 * Plugins (Fastify wiring) sit above the rooms that decide and store, and seed/ (demo data) is for the
 * seed command, start-up and tests only: no production room imports it (the admin command neither).
 */
const server = 'sync-server/src';
const serverZones = [
  ...['policies', 'live', 'store', 'integrations', 'catalog'].map((room) => ({
    target: `${server}/${room}`,
    from: `${server}/plugins`,
    message: `${server}/${room} sits below plugins/: what both need belongs in a neutral module.`,
  })),
  ...['routes', 'plugins', 'policies', 'live', 'store', 'integrations', 'auth', 'export', 'catalog', 'admin', 'app.ts'].map((room) => ({
    target: `${server}/${room}`,
    from: `${server}/seed`,
    message: 'seed/ is demo data for the seed command and tests; production code does not import it.',
  })),
  ...['routes', 'app.ts', 'main.ts', 'seed-cli.ts', 'admin', 'admin-cli.ts'].map((top) => ({
    target: [`${server}/store`, `${server}/live`, `${server}/policies`, `${server}/integrations`, `${server}/auth`, `${server}/export`, `${server}/catalog`],
    from: `${server}/${top}`,
    message: `${top} sits at the top of the server; nothing below imports it.`,
  })),
  // The server shares src/'s schemas and domain and nothing of the app.
  ...['app', 'features', 'ui', 'session', 'devices', 'catalog', 'sync', 'i18n', 'main.tsx', 'display-main.tsx'].map((floor) => ({
    target: server,
    from: `src/${floor}`,
    message: 'The server imports only src/domain and src/data (schemas) from the app.',
  })),
];

const testFiles = ['**/*.test.{ts,tsx}', '**/*.test-helper.{ts,tsx}'];

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
    // The one door from the domain to the stored documents' generated shapes: type-only, this file only.
    files: ['src/domain/documents.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbiddenInDomain.filter(({ group }) => !group.includes('../*')),
            { regex: '^\\.\\./(?!data/schemas/types\\.ts$)', message: 'src/domain imports only from src/domain (and types from src/data/schemas/types.ts).' },
            { regex: '^\\.\\./data/schemas/types\\.ts$', allowTypeImports: true, message: 'src/domain takes only types from the schemas: use import type.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/domain/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/sync-server/**'], message: 'src/ never imports from sync-server/.' }] }],
    },
  },
  {
    // Import walls and cycles, on resolved paths (a relative import is judged by where it lands).
    files: ['src/**/*.{ts,tsx}', `${server}/**/*.ts`],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.json', 'tsconfig.node.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      // Type-only imports vanish at run time and are not counted; a dynamic import() is.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: [...floorZones, ...featureZones, ...serverZones] }],
    },
  },
  {
    // Nothing imports a test, so a test closes no cycle: not walking its imports saves a third of the rule's time.
    files: testFiles,
    rules: { 'import-x/no-cycle': 'off' },
  },
  {
    // A test may stand in for the app and put two features together (an approval dialog over the receipts);
    // the floors still hold for it.
    files: testFiles.map((glob) => `src/features/${glob}`),
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...floorZones, ...serverZones] }],
    },
  },
);
