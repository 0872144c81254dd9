// Injected by vite.config.ts `define` from package.json; absent in unit tests, hence the typeof guard.
declare const __APP_VERSION__: string | undefined;

export const appVersion: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
