/*
 * The app's screens, gathered from the features: every src/features/<x>/routes.ts exports its `routes`
 * (see src/ui/screen-route.ts), and Vite's glob import finds them at build time, so a new feature folder
 * plugs in without an edit here. The route files are read eagerly (they are small); each screen stays its
 * own lazily loaded chunk.
 */
import type { ScreenRoute } from '../ui/screen-route.ts';

export interface RouteModule {
  routes: readonly ScreenRoute[];
}

export interface RouteRegistry {
  /** Every screen; the counter ('/') first. */
  all: readonly ScreenRoute[];
  /** The main navigation, in navOrder. */
  nav: readonly ScreenRoute[];
  /** Screens for some roles only, offered as links from the staff corner. */
  restricted: readonly ScreenRoute[];
  /** Unknown paths show the counter: a cashier who follows a stale link should land where they can sell. */
  match(path: string): ScreenRoute;
}

/** Checks the features' routes (one id and one path each, a counter at '/') and orders them. */
export function buildRouteRegistry(modules: Readonly<Record<string, RouteModule>>): RouteRegistry {
  const all: ScreenRoute[] = [];
  const owners = new Map<string, string>();
  for (const [file, module] of Object.entries(modules).sort(([a], [b]) => a.localeCompare(b))) {
    for (const route of module.routes) {
      for (const key of [`id ${route.id}`, `path ${route.path}`]) {
        const owner = owners.get(key);
        if (owner) throw new Error(`Two screens claim the ${key}: ${owner} and ${file}.`);
        owners.set(key, file);
      }
      all.push(route);
    }
  }
  const home = all.find((route) => route.path === '/');
  if (!home) throw new Error(`No feature registers the counter at '/' (route files: ${Object.keys(modules).join(', ')}).`);
  const ordered = [home, ...all.filter((route) => route !== home)];
  const nav = ordered.filter((route) => route.navOrder !== undefined).sort((a, b) => (a.navOrder ?? 0) - (b.navOrder ?? 0));
  const byPath = new Map(ordered.map((route) => [route.path, route]));
  return {
    all: ordered,
    nav,
    restricted: ordered.filter((route) => route.restrictedTo !== undefined),
    match(path) {
      const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
      return byPath.get(normalised) ?? home;
    },
  };
}

export const routeRegistry = buildRouteRegistry(import.meta.glob<RouteModule>('../features/*/routes.ts', { eager: true }));
