import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCourseDefinition } from '../support/course';
import { pngSize } from '../support/png';
import { ROOT } from '../support/shared';
import { openPopupFor, type PageDriver, until } from './support/driver';
import { EXTENSION_DIRS } from './support/extension-dirs';
import { grantedLaunchers } from './support/launch';
import { type StaticServer, serveDirectory } from './support/server';
import { useSession } from './support/session';

/**
 * The stores' images (store/listing.json names them), taken from the Chrome package as the
 * e2e tests load it, in every test run: they always show the UI as it is. Each shot is taken
 * once what it must show is on screen, and checked for it.
 */

interface Shot {
  file: string;
  caption: string;
}
const listing = JSON.parse(readFileSync(join(ROOT, 'store/listing.json'), 'utf8')) as {
  name: string;
  screenshots: Shot[];
  promoTile: string;
};
const OUT = join(ROOT, 'store');
const WIDTH = 1280;
const HEIGHT = 800;
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

const shotOf = (kind: string, scheme: Scheme): Shot => {
  const shot = listing.screenshots.find((s) => s.file === `screenshots/${kind}-${scheme}.png`);
  if (!shot) {
    throw new Error(`store/listing.json names no screenshots/${kind}-${scheme}.png`);
  }
  return shot;
};

/** Whether the page's own body is drawn dark: the theme the shot is meant to show. */
const drawnDark = (page: PageDriver) =>
  page.evaluate(() => {
    const [r = 255, g = 255, b = 255] = getComputedStyle(document.body)
      .backgroundColor.match(/\d+(\.\d+)?/g)
      ?.map(Number) ?? [255, 255, 255];
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.3;
  });

describe('the store images, from the Chrome package', () => {
  const session = useSession(grantedLaunchers.chromium);
  /** Where the composed images (the popup in a frame, the promo tile) are served from. */
  let staging: string;
  let frames: StaticServer;

  beforeAll(async () => {
    mkdirSync(join(OUT, 'screenshots'), { recursive: true });
    staging = mkdtempSync(join(tmpdir(), 'eaig-store-'));
    copyFileSync(join(EXTENSION_DIRS.chrome, 'icons/icon-128.png'), join(staging, 'icon.png'));
    frames = await serveDirectory(staging);
  });
  afterAll(async () => {
    await frames?.close();
    rmSync(staging, { recursive: true, force: true });
  });

  /** A page of `width` x `height` showing `body`, in `scheme`, shot to `file` once drawn. */
  async function composed(file: string, scheme: Scheme, body: string, size = [WIDTH, HEIGHT]) {
    const name = `${file.replace(/\W/g, '-')}.html`;
    writeFileSync(
      join(staging, name),
      `<!doctype html><html lang="en"><meta charset="utf-8"><style>${FRAME_CSS}</style><body class="${scheme}">${body}</body></html>`,
    );
    const page = await session.browser.open(`${frames.origin}/${name}`);
    await page.setViewport(size[0] as number, size[1] as number);
    await page.waitFor(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
    return page;
  }

  it.each(SCHEMES)('%s: the article, its terms underlined, a tooltip open', async (scheme) => {
    const page = await session.browser.open(session.url('demo-article.html'));
    await page.setViewport(WIDTH, HEIGHT);
    await page.colorScheme(scheme);
    await page.waitFor(() => document.querySelector('#intro [data-glossary-term="bias"]'));
    await page.hover('#intro [data-glossary-term="bias"]');
    await until(async () => (await page.readTooltip())?.text.includes('Bias'), 'the tooltip');
    expectCourseDefinition((await page.readTooltip())?.definition, 'Bias');
    const file = join(OUT, shotOf('article', scheme).file);
    await page.screenshot(file);
    expect(pngSize(file)).toEqual([WIDTH, HEIGHT]);
    await page.close();
  });

  it.each(SCHEMES)(
    '%s: the popup over the article, with its terms and the term of the day, in a frame',
    async (scheme) => {
      // The popup as the toolbar opens it over the article: its terms listed under "On this page".
      const article = await session.browser.open(session.url('demo-article.html'));
      await article.waitFor(() => document.querySelector('[data-glossary-term]'));
      const popup = await openPopupFor(session.browser, article);
      await popup.colorScheme(scheme);
      await popup.waitFor(
        () => document.querySelector('.today .term-name') && document.querySelector('.on-page li'),
      );
      expect(await drawnDark(popup)).toBe(scheme === 'dark');
      const box = await popup.evaluate(() => {
        const r = document.body.getBoundingClientRect();
        // A browser's popup is at most 600 pixels high, and scrolls beyond.
        return {
          x: 0,
          y: 0,
          width: Math.ceil(r.width),
          height: Math.min(600, Math.ceil(r.height)),
        };
      });
      await popup.screenshot(join(staging, `popup-${scheme}.png`), box);
      await popup.close();
      await article.close();

      const shot = shotOf('popup', scheme);
      const page = await composed(
        shot.file,
        scheme,
        `<main><div class="caption"><img class="icon" src="icon.png" alt=""><h1>${listing.name}</h1><p>${shot.caption}</p></div><img class="shot" src="popup-${scheme}.png" alt=""></main>`,
      );
      const file = join(OUT, shot.file);
      await page.screenshot(file);
      expect(pngSize(file)).toEqual([WIDTH, HEIGHT]);
      await page.close();
    },
  );

  it.each(SCHEMES)('%s: the options page', async (scheme) => {
    const options = await session.browser.openExtensionPage('src/options/index.html');
    await options.setViewport(WIDTH, HEIGHT);
    await options.colorScheme(scheme);
    await options.waitFor(() => document.querySelector('#paused-heading'));
    expect(await drawnDark(options)).toBe(scheme === 'dark');
    const file = join(OUT, shotOf('options', scheme).file);
    await options.screenshot(file);
    expect(pngSize(file)).toEqual([WIDTH, HEIGHT]);
    await options.close();
  });

  it("the store icon: the package's 128-pixel icon, 96x96 artwork in 16 clear pixels", async () => {
    const page = await composed('icon-check', 'light', '<img id="icon" src="icon.png" alt="">');
    const alpha = await page.evaluate(() => {
      const img = document.getElementById('icon') as HTMLImageElement;
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.drawImage(img, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let border = 0;
      let inside = 0;
      for (let y = 0; y < canvas.height; y++) {
        for (let x = 0; x < canvas.width; x++) {
          const a = data[(y * canvas.width + x) * 4 + 3] as number;
          const edge = x < 16 || y < 16 || x >= canvas.width - 16 || y >= canvas.height - 16;
          if (edge) {
            border = Math.max(border, a);
          } else if (a === 255) {
            inside++;
          }
        }
      }
      return { size: [canvas.width, canvas.height], border, inside };
    });
    expect(alpha.size).toEqual([128, 128]);
    expect(alpha.border, 'the most opaque pixel of the 16-pixel border').toBe(0);
    expect(alpha.inside, 'opaque pixels of the artwork').toBeGreaterThan(96 * 96 * 0.8);
    await page.close();
  });

  it('the small promo tile: the name, and a sentence the extension highlighted', async () => {
    const page = await composed(
      listing.promoTile,
      'light',
      `<main class="tile"><div><img class="icon" src="icon.png" alt=""><h1>${listing.name}</h1></div><p>Responsible AI starts with a Data Protection Impact Assessment and Model Explainability.</p></main>`,
      [440, 280],
    );
    await page.waitFor(() => document.querySelectorAll('[data-glossary-term]').length === 3);
    const file = join(OUT, listing.promoTile);
    await page.screenshot(file);
    expect(pngSize(file)).toEqual([440, 280]);
    await page.close();
  });
});

const FRAME_CSS = `
* { box-sizing: border-box; margin: 0; }
html, body { height: 100%; }
body { font: 18px/1.5 system-ui, sans-serif; background: #eef2f7; color: #1b2430; }
body.dark { background: #161b22; color: #e6edf3; }
main { height: 100%; display: flex; align-items: center; justify-content: center; gap: 72px; padding: 48px; }
.caption { max-width: 420px; }
.caption h1 { font-size: 40px; line-height: 1.2; margin: 16px 0; }
.caption p { font-size: 24px; }
.icon { width: 96px; height: 96px; }
.shot { box-shadow: 0 12px 40px rgb(0 0 0 / 0.25); border-radius: 8px; max-height: 704px; }
.tile { flex-direction: column; gap: 16px; padding: 24px; text-align: center; }
.tile div { display: flex; align-items: center; gap: 16px; }
.tile .icon { width: 64px; height: 64px; }
.tile h1 { font-size: 30px; }
.tile p { font-size: 19px; }
`;
