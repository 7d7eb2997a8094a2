/**
 * The user's settings: one typed shape with defaults, and a parser that repairs anything
 * stored that does not fit it (a corrupt or outdated value) instead of breaking a page.
 */

export const DEFAULT_SETTINGS = {
  /** Highlight course terms on the pages the user reads. */
  enabled: true,
};

export type Settings = typeof DEFAULT_SETTINGS;
export type SettingKey = keyof Settings;

export interface ParsedSettings {
  readonly settings: Settings;
  /** Keys whose stored value was unusable and fell back to the default. */
  readonly repaired: SettingKey[];
}

const KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

export function parseSettings(stored: unknown): ParsedSettings {
  const source: Record<string, unknown> =
    stored !== null && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const settings = { ...DEFAULT_SETTINGS };
  const repaired: SettingKey[] = [];
  for (const key of KEYS) {
    if (!Object.hasOwn(source, key)) continue;
    const value = source[key];
    if (typeof value === typeof DEFAULT_SETTINGS[key])
      settings[key] = value as Settings[typeof key];
    else repaired.push(key);
  }
  return { settings, repaired };
}

export { KEYS as SETTING_KEYS };
