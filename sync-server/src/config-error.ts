/** A bad environment variable: the server refuses to start with a message that names it (config.ts). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
