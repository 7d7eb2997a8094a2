import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isPaused, parseSettings } from './settings';

describe('settings', () => {
  it('fills in defaults for anything not stored', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, repaired: [] });
    expect(parseSettings({})).toEqual({ settings: DEFAULT_SETTINGS, repaired: [] });
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
        pausedSites: ['example.com', '<img src=x>'],
        badge: 'on',
      }),
    ).toEqual({
      settings: DEFAULT_SETTINGS,
      repaired: ['enabled', 'siteAccess', 'density', 'highlightStyle', 'pausedSites', 'badge'],
    });
  });

  it('ignores unknown and prototype keys', () => {
    const hostile = JSON.parse('{"__proto__": {"enabled": false}, "constructor": 1, "x": 2}');
    const { settings } = parseSettings(hostile);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(Object.keys(settings)).toEqual([
      'enabled',
      'siteAccess',
      'density',
      'everydayWords',
      'highlightStyle',
      'pausedSites',
      'badge',
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

  it('keeps a list of host names, and refuses one too long for synced storage', () => {
    expect(parseSettings({ pausedSites: ['example.com'] }).settings.pausedSites).toEqual([
      'example.com',
    ]);
    const many = Array.from({ length: 400 }, (_, i) => `site-${i}.example.org`);
    expect(parseSettings({ pausedSites: many }).repaired).toEqual(['pausedSites']);
  });
});
