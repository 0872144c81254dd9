/*
 * What a feature tells the shell about each of its screens. A feature with screens exports `routes` from
 * its own routes.ts (src/features/<x>/routes.ts); the shell gathers every one of those files, so a new
 * feature is a new folder and the shell, its navigation and its main area are not edited. This contract sits
 * below the features (the shell is above them and they may not import it).
 */
import type { ComponentType, LazyExoticComponent } from 'react';
import type { Permission } from '../domain/permissions.ts';

export type { Permission };

export interface ScreenRoute {
  /** Unique across the app: the navigation link's test id is `nav-<id>`, a failed screen resets per id. */
  id: string;
  /** Unique across the app; '/' is the counter, where unknown paths land too. */
  path: string;
  /** i18n key of the screen's name in the navigation. */
  titleKey: string;
  /** Place in the main navigation, lowest first; without one the screen is reached from a link only. */
  navOrder?: number;
  /** Screens that read the device database render once it is open, behind the staff sign-in. */
  needsDatabase: boolean;
  /**
   * For screens only some roles may use (the audit trail: report.view). The screen refuses anyone else
   * itself, since only it can read the store's permission table once the database is open; the header's
   * staff corner offers a link, labelled with `openKey`, to whoever holds the permission.
   */
  restrictedTo?: { permission: Permission; openKey: string };
  /**
   * 'full-screen': the screen takes the whole window below the header, edge to edge, and scrolls inside its
   * own parts (the counter); 'page' (the default): a readable column that scrolls as a page.
   */
  layout?: 'page' | 'full-screen';
  /** Lazily loaded, so the first paint pays only for the shell. */
  screen: LazyExoticComponent<ComponentType>;
}
