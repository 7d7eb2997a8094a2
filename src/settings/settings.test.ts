import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  isPaused,
  parseSettings,
  pausedSitesBytes,
  pausedSitesRoom,
  problemOfError,
  problemWith,
  SETTINGS_VERSION,
  SYNC_ITEM_BYTES,
} from './settings';

describe('settings', () => {
  it('fills in defaults for anything not stored', () => {
    for (const nothing of [undefined, {}]) {
      expect(parseSettings(nothing)).toMatchObject({
        settings: DEFAULT_SETTINGS,
        repaired: [],
        rewrite: {},
      });
    }
  });

  it('keeps a valid stored value', () => {
    expect(parseSettings({ enabled: false }).settings.enabled).toBe(false);
    expect(parseSettings({ siteAccess: 'all' }).settings.siteAccess).toBe('all');
    expect(parseSettings({ density: 'every' }).settings.density).toBe('every');
    expect(parseSettings({ highlightStyle: 'off' }).settings.highlightStyle).toBe('off');
  });

  it('repairs a corrupt value to its default and says which', () => {
    expect(
      parseSettings({
        enabled: 'yes please',
        siteAccess: 'everywhere',
        density: 'some',
        highlightStyle: 'blink',
        pausedSites: 'example.com',
        badge: 'on',
      }),
    ).toMatchObject({
      settings: DEFAULT_SETTINGS,
      repaired: ['enabled', 'siteAccess', 'density', 'highlightStyle', 'pausedSites', 'badge'],
      rewrite: {
        enabled: true,
        siteAccess: 'click',
        density: 'first',
        highlightStyle: 'underline',
        pausedSites: [],
        badge: true,
        settingsVersion: SETTINGS_VERSION,
      },
    });
  });

  it('ignores unknown and prototype keys', () => {
    const hostile = JSON.parse('{"__proto__": {"enabled": false}, "constructor": 1, "x": 2}');
    const { settings } = parseSettings(hostile);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(Object.keys(settings)).toEqual([
      'enabled',
      'courseTerms',
      'siteAccess',
      'density',
      'everydayWords',
      'highlightStyle',
      'pausedSites',
      'badge',
      'knownTerms',
      'whereMet',
      'newPerDay',
    ]);
  });
});

describe('sites where highlighting is paused', () => {
  it('covers the site and its subdomains, not sites that merely end alike', () => {
    const paused = ['example.com'];
    expect(isPaused(paused, 'example.com')).toBe(true);
    expect(isPaused(paused, 'WWW.Example.com')).toBe(true);
    expect(isPaused(paused, 'badexample.com')).toBe(false);
    expect(isPaused([], 'example.com')).toBe(false);
  });

  it('follows a page whose host is written with a trailing dot or in capitals', () => {
    expect(isPaused(['example.com'], 'example.com.')).toBe(true);
    expect(isPaused(['example.com'], 'WWW.EXAMPLE.COM.')).toBe(true);
    expect(isPaused(['xn--bcher-kva.de'], 'bücher.de')).toBe(true);
    expect(isPaused(['[::1]'], '[::1]')).toBe(true);
  });

  it('drops an unreadable entry alone, names it, and keeps the rest', () => {
    const parsed = parseSettings({ pausedSites: ['a.org', 'a..b', 42, 'Example.COM.', 'b.org'] });
    expect(parsed.settings.pausedSites).toEqual(['a.org', 'example.com', 'b.org']);
    expect(parsed.droppedSites).toEqual(['a..b', '42']);
    expect(parsed.repaired).toEqual([]);
    expect(parsed.rewrite).toEqual({
      pausedSites: ['a.org', 'example.com', 'b.org'],
      settingsVersion: SETTINGS_VERSION,
    });
  });

  it('migrates a list stored before spellings were one (version 0) to version 1', () => {
    const parsed = parseSettings({ pausedSites: ['Example.com.', 'example.com', 'bücher.de'] });
    expect(parsed.settings.pausedSites).toEqual(['example.com', 'xn--bcher-kva.de']);
    expect(parsed.droppedSites).toEqual([]);
    expect(parsed.rewrite).toEqual({
      pausedSites: ['example.com', 'xn--bcher-kva.de'],
      settingsVersion: 1,
    });
    // Already in version 1's shape: nothing to write.
    expect(parseSettings({ pausedSites: ['example.com'], settingsVersion: 1 }).rewrite).toEqual({});
  });

  it("reads what it understands of a newer version's settings and rewrites nothing", () => {
    const parsed = parseSettings({
      settingsVersion: SETTINGS_VERSION + 1,
      density: 'some-new-density',
      badge: false,
      pausedSites: ['example.com', { pattern: '*.example.org' }],
      futureSetting: { x: 1 },
    });
    expect(parsed.newer).toBe(true);
    expect(parsed.settings.density).toBe('first');
    expect(parsed.settings.badge).toBe(false);
    expect(parsed.settings.pausedSites).toEqual(['example.com']);
    expect(parsed.rewrite).toEqual({});
  });

  it('keeps a long stored list whole: the size is checked before writing, never on read', () => {
    const many = Array.from({ length: 500 }, (_, i) => `site-${i}.example.org`);
    const parsed = parseSettings({ pausedSites: many });
    expect(parsed.settings.pausedSites).toHaveLength(500);
    expect(parsed.repaired).toEqual([]);
  });
});

describe('a change checked before it is stored', () => {
  it('refuses a value this version does not store', () => {
    expect(problemWith({ density: 'some' as never })).toBe('invalid');
    expect(problemWith({ pausedSites: ['a..b'] })).toBe('invalid');
    expect(problemWith({ pausedSites: ['Example.com'] })).toBe('invalid');
    expect(problemWith({ density: 'every', pausedSites: ['example.com'] })).toBeNull();
  });

  it("refuses a paused-site list over storage.sync's limit for one item, and says the room left", () => {
    const sites = (n: number) => Array.from({ length: n }, (_, i) => `site-${i}.example.org`);
    let n = 0;
    while (pausedSitesBytes(sites(n + 1)) <= SYNC_ITEM_BYTES) {
      n += 1;
    }
    // The list as the browser counts it: the key and the JSON of the value.
    expect(pausedSitesBytes(sites(n))).toBe('pausedSites'.length + JSON.stringify(sites(n)).length);
    expect(problemWith({ pausedSites: sites(n) })).toBeNull();
    expect(problemWith({ pausedSites: sites(n + 1) })).toBe('too-many-sites');
    expect(pausedSitesRoom(sites(n))).toBe(0);
    expect(pausedSitesRoom(sites(n - 10))).toBe(10);
    expect(pausedSitesRoom([])).toBeGreaterThan(300);
  });

  it("tells the browser's storage errors apart", () => {
    expect(problemOfError(new Error('QUOTA_BYTES quota exceeded'))).toBe('storage-full');
    expect(problemOfError(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'))).toBe('storage-full');
    expect(problemOfError(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'))).toBe(
      'too-fast',
    );
    expect(problemOfError(new Error('Extension context invalidated.'))).toBe('reloaded');
    expect(problemOfError('something else')).toBe('failed');
  });
});
