/* The version the health check reports: the package version of this checkout. */
import packageJson from '../../package.json' with { type: 'json' };

export const serverVersion: string = packageJson.version;
