// Opens Chromium with the built extension on the bundled demo article, when there is a display.
// Without one (a server, CI), it says how to load the extension by hand instead.
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const chrome = join(root, 'dist/chrome');
const firefox = join(root, 'dist/firefox');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const server = createServer((_request, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  createReadStream(join(root, 'test/fixtures/demo-article.html')).pipe(res);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const url = `http://127.0.0.1:${server.address().port}/demo-article.html`;

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!hasDisplay || !existsSync(chromiumPath)) {
  console.log(`Built: ${chrome} and ${firefox}.
${hasDisplay ? `Chromium was not found at ${chromiumPath}` : 'There is no display here'}, so no browser was opened.
Load the extension by hand:
  Chrome/Chromium: open chrome://extensions, switch on "Developer mode",
                   click "Load unpacked" and choose ${chrome}
  Firefox:         open about:debugging#/runtime/this-firefox, click
                   "Load Temporary Add-on..." and choose ${join(firefox, 'manifest.json')}
The first-run page asks where the extension may highlight. Then open any article about AI,
or the demo article in test/fixtures/demo-article.html served from a local web server
(content scripts do not run on file:// pages).
A screenshot of the demo with an open tooltip: npm run screenshot (docs/screenshot.png).`);
  server.close();
} else {
  // The shipped build reads no site until the user grants one. For the demo, a copy that has
  // the demo server granted already, as "Only on sites I choose" with this site chosen would.
  const demo = mkdtempSync(join(tmpdir(), 'eaig-demo-'));
  cpSync(chrome, demo, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(demo, 'manifest.json'), 'utf8'));
  manifest.host_permissions = ['http://127.0.0.1/*'];
  writeFileSync(join(demo, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath,
    headless: false,
    viewport: null,
    args: [
      `--disable-extensions-except=${demo}`,
      `--load-extension=${demo}`,
      '--no-first-run',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  console.log(`Chromium is showing ${url} with the extension. Close the browser to stop.`);
  context.on('close', () => server.close());
}
