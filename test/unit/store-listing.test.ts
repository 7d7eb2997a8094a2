import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/shared';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const listing = JSON.parse(read('store/listing.json'));
const manifest = JSON.parse(read('manifest.json'));
const messages = JSON.parse(read('_locales/en/messages.json'));

describe('the store listing (store/)', () => {
  it("names the extension as the manifest does, within both stores' limits", () => {
    expect(listing.name).toBe(messages.extensionName.message);
    // Chrome takes 75 characters, AMO's listing 50.
    expect(listing.name.length).toBeLessThanOrEqual(50);
  });

  it("summarises it in the manifest's description, at most 132 characters", () => {
    expect(listing.shortDescription).toBe(messages.extensionDescription.message);
    expect(listing.shortDescription.length).toBeLessThanOrEqual(132);
  });

  it('justifies every permission the manifest asks for, and no other', () => {
    const asked = [
      ...manifest.permissions,
      ...(manifest.optional_host_permissions ? ['optional_host_permissions'] : []),
    ];
    expect(Object.keys(listing.permissions).sort()).toEqual(asked.sort());
    for (const [permission, why] of Object.entries(listing.permissions)) {
      expect(String(why).length, permission).toBeGreaterThan(40);
    }
  });

  it('declares that nothing is collected, as the Firefox manifest does', () => {
    expect(listing.dataUse.collected).toEqual([]);
    const chromeBoxes = Object.entries(listing.dataUse.chrome).filter(
      ([key]) => key !== 'certifications',
    );
    expect(chromeBoxes.filter(([, ticked]) => ticked !== false)).toEqual([]);
    expect(listing.dataUse.firefox.data_collection_permissions).toEqual(
      manifest.browser_specific_settings.gecko.data_collection_permissions,
    );
  });

  it('has a privacy policy page that loads nothing and runs nothing', () => {
    const policy = read(join('store', listing.privacyPolicy));
    expect(policy).toMatch(/<title>[^<]*privacy policy<\/title>/i);
    expect(policy).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|href="?https?:|@import|url\(/i);
    expect(policy).toContain('collects no data');
  });

  it('lists 1280x800 screenshots in light and dark, each with a caption', () => {
    const files: string[] = listing.screenshots.map((s: { file: string }) => s.file);
    for (const kind of ['article', 'popup', 'options']) {
      expect(files).toContain(`screenshots/${kind}-light.png`);
      expect(files).toContain(`screenshots/${kind}-dark.png`);
    }
    for (const shot of listing.screenshots) {
      expect(shot.caption.length, shot.file).toBeGreaterThan(10);
    }
    expect(listing.promoTile).toBe('screenshots/promo-440x280.png');
    expect(existsSync(join(ROOT, 'store/README.md'))).toBe(true);
  });
});
