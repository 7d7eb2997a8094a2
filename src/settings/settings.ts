import { DEFAULT_NEW_PER_DAY, MAX_NEW_PER_DAY } from '../review/cards';
import { normaliseHost } from './hosts';

/**
 * The user's settings: one typed shape with defaults, and a parser that repairs anything
 * stored that does not fit it (a corrupt or outdated value) instead of breaking a page.
 */

/** Where highlighting may run: every site, the sites the user picked, or on request only. */
const SITE_ACCESS_MODES = ['all', 'chosen', 'click'] as const;
export type SiteAccessMode = (typeof SITE_ACCESS_MODES)[number];

/** How often a term is highlighted on a page: its first occurrence, or every one. */
const DENSITIES = ['first', 'every'] as const;
export type Density = (typeof DENSITIES)[number];

/** Where everyday words (bias, privacy, AI) are highlighted: on pages in the course's domain, or everywhere. */
export const EVERYDAY_WORDS = ['topic', 'always'] as const;
export type EverydayWords = (typeof EVERYDAY_WORDS)[number];

/** How a highlighted term looks: a dotted underline, a tinted background, or nothing to see. */
const HIGHLIGHT_STYLES = ['underline', 'background', 'off'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

/** How the terms the user marked as known appear: not highlighted, or highlighted faintly. */
export const KNOWN_LOOKS = ['hidden', 'faint'] as const;
export type KnownLook = (typeof KNOWN_LOOKS)[number];

export interface Settings {
  /** Highlight course terms on the pages the user reads (a global pause when false). */
  enabled: boolean;
  /**
   * The course's glossary switched on: off, only the user's own glossaries are highlighted
   * (the course's terms still tell whether a page is in its domain).
   */
  courseTerms: boolean;
  /** The user's answer to "where may the extension read pages?"; the browser holds the grant. */
  siteAccess: SiteAccessMode;
  /** First occurrence of each term (calm reading, as an encyclopedia links once) or every one. */
  density: Density;
  everydayWords: EverydayWords;
  /** "off" keeps terms explained on hover and from the keyboard, with nothing drawn. */
  highlightStyle: HighlightStyle;
  /** Sites (host names) where the user switched highlighting off; their subdomains too. */
  pausedSites: string[];
  /** Show how many distinct terms a page has on the toolbar button. */
  badge: boolean;
  /** Terms marked as known leave the page, or stay, drawn faintly, as a reminder. */
  knownTerms: KnownLook;
  /**
   * Keep where each term was met (page title and address): reading history, so off unless
   * the user turns it on. How often a term was met is counted either way, on the device.
   */
  whereMet: boolean;
  /** How many terms met while reading enter review a day, at most. */
  newPerDay: number;
}

export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  enabled: true,
  courseTerms: true,
  // Least privilege until the user says otherwise: nothing runs unless asked for.
  siteAccess: 'click',
  density: 'first',
  everydayWords: 'topic',
  highlightStyle: 'underline',
  pausedSites: [],
  badge: true,
  knownTerms: 'hidden',
  whereMet: false,
  newPerDay: DEFAULT_NEW_PER_DAY,
};

/**
 * storage.sync refuses an item over 8,192 bytes, counted as its key plus its value as JSON
 * (chrome.storage.sync.QUOTA_BYTES_PER_ITEM; Firefox applies the same limit). Checked before
 * writing: the browser would refuse the write, and a list that may not grow must say so.
 */
export const SYNC_ITEM_BYTES = 8192;

/** Bytes the paused-site list takes in storage.sync (host names are ASCII: one byte a character). */
export function pausedSitesBytes(sites: readonly string[]): number {
  return 'pausedSites'.length + JSON.stringify(sites).length;
}

/** About how many more sites the paused-site list holds, at the length of those in it. */
export function pausedSitesRoom(sites: readonly string[]): number {
  const left = SYNC_ITEM_BYTES - pausedSitesBytes(sites);
  const empty = pausedSitesBytes([]);
  const perSite = sites.length ? (pausedSitesBytes(sites) - empty) / sites.length : 20;
  return Math.max(0, Math.floor(left / perSite));
}

/** Whether highlighting is paused on `hostname`: the site itself or a site it belongs to. */
export function isPaused(pausedSites: readonly string[], hostname: string): boolean {
  // Most readers pause nothing: no page then pays for parsing its own host name.
  if (pausedSites.length === 0) {
    return false;
  }
  const host = normaliseHost(hostname) ?? hostname.toLowerCase();
  return pausedSites.some((site) => host === site || host.endsWith(`.${site}`));
}

/**
 * The paused sites in a stored value, each in its one spelling and once; entries that are not
 * host names are dropped alone and named. `changed` when the list read differs from the one
 * stored (an entry dropped, respelt or written twice). Null when the value is not a list.
 */
export function readPausedSites(
  value: unknown,
): { sites: string[]; dropped: string[]; changed: boolean } | null {
  if (!Array.isArray(value)) {
    return null;
  }
  const sites: string[] = [];
  const dropped: string[] = [];
  let changed = false;
  for (const entry of value) {
    const host = typeof entry === 'string' ? normaliseHost(entry) : null;
    if (host === null) {
      // Said to the user as text, so it is cut short: a stored value can be anything.
      dropped.push(String(typeof entry === 'string' ? entry : JSON.stringify(entry)).slice(0, 80));
      changed = true;
    } else if (sites.includes(host)) {
      changed = true;
    } else {
      sites.push(host);
      changed ||= host !== entry;
    }
  }
  return { sites, dropped, changed };
}

/** A check that a stored value is one of `choices`. */
const oneOf =
  <T extends string>(choices: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (choices as readonly string[]).includes(v);

const VALID: { [K in SettingKey]: (value: unknown) => value is Settings[K] } = {
  enabled: (v): v is boolean => typeof v === 'boolean',
  courseTerms: (v): v is boolean => typeof v === 'boolean',
  siteAccess: oneOf(SITE_ACCESS_MODES),
  density: oneOf(DENSITIES),
  everydayWords: oneOf(EVERYDAY_WORDS),
  highlightStyle: oneOf(HIGHLIGHT_STYLES),
  pausedSites: (v): v is string[] =>
    Array.isArray(v) && v.every((site) => typeof site === 'string' && normaliseHost(site) === site),
  badge: (v): v is boolean => typeof v === 'boolean',
  knownTerms: oneOf(KNOWN_LOOKS),
  whereMet: (v): v is boolean => typeof v === 'boolean',
  newPerDay: (v): v is number =>
    Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_NEW_PER_DAY,
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

/**
 * The shape of what is stored, numbered. A device running an older version of the extension may
 * sync with one running a newer: each reads what it understands and only the newer one rewrites.
 * 1: paused sites in their one spelling (hosts.ts); 0 (nothing stored): as 1, spellings as typed.
 */
export const SETTINGS_VERSION = 1;
export const VERSION_KEY = 'settingsVersion';

export interface ParsedSettings {
  readonly settings: Settings;
  /** Keys whose stored value was unusable and fell back to the default. */
  readonly repaired: SettingKey[];
  /** Paused-site entries that were not host names, dropped from the list (the rest is kept). */
  readonly droppedSites: string[];
  /** Written by a newer version of the extension: to be read, never rewritten, by this one. */
  readonly newer: boolean;
  /** What to store so that the next read finds nothing to repair or migrate; empty if nothing. */
  readonly rewrite: Readonly<Record<string, unknown>>;
}

function assign<K extends SettingKey>(target: Settings, key: K, value: Settings[K]): void {
  target[key] = value;
}

/**
 * Whether a stored version is a newer extension's, whose shape this one must not relabel
 * (anything that is not a version number counts as none: version 0).
 */
export function isNewerVersion(stored: unknown): boolean {
  return typeof stored === 'number' && Number.isInteger(stored) && stored > SETTINGS_VERSION;
}

export function parseSettings(stored: unknown): ParsedSettings {
  const source: Record<string, unknown> =
    stored !== null && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const repaired: SettingKey[] = [];
  const rewrite: Record<string, unknown> = {};
  let droppedSites: string[] = [];
  for (const key of SETTING_KEYS) {
    // Own keys only: a stored "__proto__" or inherited value never counts as a setting.
    if (!Object.hasOwn(source, key)) {
      continue;
    }
    const value = source[key];
    if (key === 'pausedSites') {
      const read = readPausedSites(value);
      if (read) {
        settings.pausedSites = read.sites;
        droppedSites = read.dropped;
        if (read.changed) {
          rewrite.pausedSites = read.sites;
        }
        continue;
      }
    } else if (VALID[key](value)) {
      assign(settings, key, value as Settings[typeof key]);
      continue;
    }
    repaired.push(key);
    rewrite[key] = DEFAULT_SETTINGS[key];
  }
  const newer = isNewerVersion(Object.hasOwn(source, VERSION_KEY) ? source[VERSION_KEY] : 0);
  if (Object.keys(rewrite).length && !newer) {
    rewrite[VERSION_KEY] = SETTINGS_VERSION;
  }
  return { settings, repaired, droppedSites, newer, rewrite: newer ? {} : rewrite };
}

/** Why a change was not stored, in terms the popup and options page can explain. */
export type SaveProblem =
  /** Not a value this version stores (a bug, or a host name that is not one). */
  | 'invalid'
  /** The paused-site list would pass storage.sync's limit for one item. */
  | 'too-many-sites'
  /** The known terms would pass their share of storage.sync. */
  | 'too-many-known'
  /** The browser's storage for synced settings is full. */
  | 'storage-full'
  /** storage.sync's limit on writes a minute or an hour. */
  | 'too-fast'
  /** The extension was reloaded or updated under the page. */
  | 'reloaded'
  /** The user's glossaries would pass their share of storage.local. */
  | 'no-room-for-glossary'
  | 'failed';

/** What would keep `change` from being stored, checked before writing; null when nothing. */
export function problemWith(change: Partial<Settings>): SaveProblem | null {
  for (const key of Object.keys(change) as SettingKey[]) {
    if (!SETTING_KEYS.includes(key) || !VALID[key](change[key])) {
      return 'invalid';
    }
  }
  const sites = change.pausedSites;
  return sites && pausedSitesBytes(sites) > SYNC_ITEM_BYTES ? 'too-many-sites' : null;
}

/** The problem a browser's storage error stands for (its messages are the only sign). */
export function problemOfError(error: unknown): SaveProblem {
  const text = error instanceof Error ? error.message : String(error);
  if (/MAX_WRITE_OPERATIONS/i.test(text)) {
    return 'too-fast';
  }
  if (/quota/i.test(text)) {
    return 'storage-full';
  }
  if (/context invalidated|extension context|dead object|disconnected/i.test(text)) {
    return 'reloaded';
  }
  return 'failed';
}
