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

/** Where everyday words (bias, privacy, AI) are highlighted: on pages about AI, or everywhere. */
export const EVERYDAY_WORDS = ['topic', 'always'] as const;
export type EverydayWords = (typeof EVERYDAY_WORDS)[number];

/** How a highlighted term looks: a dotted underline, a tinted background, or nothing to see. */
const HIGHLIGHT_STYLES = ['underline', 'background', 'off'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export interface Settings {
  /** Highlight course terms on the pages the user reads (a global pause when false). */
  enabled: boolean;
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
}

export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  enabled: true,
  // Least privilege until the user says otherwise: nothing runs unless asked for.
  siteAccess: 'click',
  density: 'first',
  everydayWords: 'topic',
  highlightStyle: 'underline',
  pausedSites: [],
  badge: true,
};

/** storage.sync allows 8 KB per item: the paused sites, quoted and comma-separated, must fit. */
const MAX_PAUSED_BYTES = 8000;

/** A host name as browsers write them: lower case letters, digits, dots and hyphens. */
const isHostName = (v: unknown): v is string =>
  typeof v === 'string' && /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(v) && v.length <= 253;

/** Whether highlighting is paused on `hostname`: the site itself or a site it belongs to. */
export function isPaused(pausedSites: readonly string[], hostname: string): boolean {
  const host = hostname.toLowerCase();
  return pausedSites.some((site) => host === site || host.endsWith(`.${site}`));
}

/** A check that a stored value is one of `choices`. */
const oneOf =
  <T extends string>(choices: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (choices as readonly string[]).includes(v);

const VALID: { [K in SettingKey]: (value: unknown) => value is Settings[K] } = {
  enabled: (v): v is boolean => typeof v === 'boolean',
  siteAccess: oneOf(SITE_ACCESS_MODES),
  density: oneOf(DENSITIES),
  everydayWords: oneOf(EVERYDAY_WORDS),
  highlightStyle: oneOf(HIGHLIGHT_STYLES),
  pausedSites: (v): v is string[] =>
    Array.isArray(v) && v.every(isHostName) && JSON.stringify(v).length <= MAX_PAUSED_BYTES,
  badge: (v): v is boolean => typeof v === 'boolean',
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

export interface ParsedSettings {
  readonly settings: Settings;
  /** Keys whose stored value was unusable and fell back to the default. */
  readonly repaired: SettingKey[];
}

function assign<K extends SettingKey>(target: Settings, key: K, value: Settings[K]): void {
  target[key] = value;
}

export function parseSettings(stored: unknown): ParsedSettings {
  const source: Record<string, unknown> =
    stored !== null && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const repaired: SettingKey[] = [];
  for (const key of SETTING_KEYS) {
    // Own keys only: a stored "__proto__" or inherited value never counts as a setting.
    if (!Object.hasOwn(source, key)) {
      continue;
    }
    const value = source[key];
    if (VALID[key](value)) {
      assign(settings, key, value as Settings[typeof key]);
    } else {
      repaired.push(key);
    }
  }
  return { settings, repaired };
}
