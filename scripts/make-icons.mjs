// Renders icons/icon.svg to the PNG sizes the manifest lists, in headless Chromium.
// Run after editing the SVG: node scripts/make-icons.mjs
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync('icons/icon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
// The 128-pixel icon is the stores' too: the Chrome Web Store asks for 96x96 artwork inside
// 16 transparent pixels on each side. The toolbar's small sizes use all their pixels.
const PADDING = { 16: 0, 32: 0, 48: 0, 128: 16 };
for (const [size, padding] of Object.entries(PADDING).map(([s, p]) => [Number(s), p])) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;box-sizing:border-box;padding:${padding}px;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.locator('svg').screenshot({ path: `icons/icon-${size}.png`, omitBackground: true });
}
await browser.close();
