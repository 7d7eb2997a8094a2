/**
 * The user's settings: one typed shape with defaults, and a parser that repairs anything
 * stored that does not fit it (a corrupt or outdated value) instead of breaking a page.
 */

/** Where highlighting may run: every site, the sites the user picked, or on request only. */
export const SITE_ACCESS_MODES = ['all', 'chosen', 'click'] as const;
export type SiteAccessMode = (typeof SITE_ACCESS_MODES)[number];

export interface Settings {
  /** Highlight course terms on the pages the user reads (a global pause when false). */
  enabled: boolean;
  /** The user's answer to "where may the extension read pages?"; the browser holds the grant. */
  siteAccess: SiteAccessMode;
}

export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  enabled: true,
  // Least privilege until the user says otherwise: nothing runs unless asked for.
  siteAccess: 'click',
};

const VALID: { [K in SettingKey]: (value: unknown) => value is Settings[K] } = {
  enabled: (v): v is boolean => typeof v === 'boolean',
  siteAccess: (v): v is SiteAccessMode =>
    typeof v === 'string' && (SITE_ACCESS_MODES as readonly string[]).includes(v),
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
    if (!Object.hasOwn(source, key)) continue;
    const value = source[key];
    if (VALID[key](value)) assign(settings, key, value as Settings[typeof key]);
    else repaired.push(key);
  }
  return { settings, repaired };
}
