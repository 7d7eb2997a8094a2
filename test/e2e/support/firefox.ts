import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import manifest from '../../../manifest.json' with { type: 'json' };
import { type ExtensionBrowser, type PageDriver, pageLog, READ_SHADOW, until } from './driver';

/** The add-on's id: storage and the pinned UUID key on it. */
export const GECKO_ID = manifest.browser_specific_settings.gecko.id;

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The raw WebDriver BiDi channel under puppeteer (not in its typings, stable in practice). */
interface BidiChannel {
  send(method: string, params: object): Promise<{ result: BidiResult }>;
}
interface BidiResult {
  result?: { value?: unknown };
}

function bidi(browser: Browser): BidiChannel {
  return (browser as unknown as { connection: BidiChannel }).connection;
}

function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

const NETWORK_NOISE = /Failed to load resource|NS_ERROR_|NetworkError|downloadable font|blocked/i;

/** Runs `expression` in Firefox's privileged (chrome) scope, reached through BiDi. */
async function inChrome(browser: Browser, expression: string): Promise<unknown> {
  const channel = bidi(browser);
  const tree = await channel.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const { contexts } = tree.result as unknown as { contexts: Array<{ context: string }> };
  const target = contexts[0]?.context;
  if (!target) {
    throw new Error('No privileged Firefox window to reach');
  }
  const answer = await channel.send('script.evaluate', {
    expression,
    target: { context: target },
    awaitPromise: true,
  });
  return (answer.result as { result?: { value?: unknown } }).result?.value;
}

function drive(browser: Browser, page: Page): PageDriver {
  const log = pageLog(NETWORK_NOISE);
  // A page's alert() would block every script on it; nobody is there to click OK.
  page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
  page.on('pageerror', (error) => log.uncaught(String((error as Error).message ?? error)));
  page.on('console', (message) => log.console(message.type(), message.text()));
  return {
    errors: log.errors,
    warnings: log.warnings,
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async evaluateInFrame(address, fn) {
      const frame = page.frames().find((f) => f.url().includes(address));
      return frame ? ((await frame.evaluate(fn as never)) as never) : null;
    },
    async addScript(source) {
      await page.evaluate(source);
    },
    async waitFor(fn, timeoutMs = 10_000) {
      await page.waitForFunction(fn, { timeout: timeoutMs, polling: 100 });
    },
    hover: (selector) => page.hover(selector),
    type: (text) => page.keyboard.type(text, { delay: 20 }),
    press: (key) => page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]),
    click: (selector) => page.click(selector),
    moveTo: (x, y) => page.mouse.move(x, y),
    tapAt: (x, y) => page.touchscreen.tap(x, y),
    clickAt: (x, y) => page.mouse.click(x, y),
    wheel: (deltaY) => page.mouse.wheel({ deltaY }),
    // BiDi cannot emulate media features yet; Firefox's own override does it, for every page.
    async colorScheme(scheme) {
      await inChrome(
        browser,
        `Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1})`,
      );
    },
    // WebDriver BiDi has no view of the accessibility tree.
    accessibleDescription: async () => null,
    // Firefox reports memory only in about:memory, for the whole process.
    heapUsed: async () => null,
    async readTooltip() {
      // WebDriver BiDi serialises closed shadow roots when asked to (includeShadowTree: all).
      const channel = bidi(browser);
      const context = contextOf(page);
      const found = await channel.send('script.evaluate', {
        expression: 'document.querySelector("[data-eaig-tooltip]")',
        target: { context },
        awaitPromise: false,
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
      });
      const host = found.result.result as
        | { value?: { shadowRoot?: { sharedId?: string } } }
        | undefined;
      const sharedId = host?.value?.shadowRoot?.sharedId;
      if (!sharedId) {
        return null;
      }
      const read = await channel.send('script.callFunction', {
        functionDeclaration: READ_SHADOW,
        arguments: [{ sharedId }],
        target: { context },
        awaitPromise: false,
      });
      const value = read.result.result?.value;
      return typeof value === 'string' ? JSON.parse(value) : null;
    },
    async screenshot(path, clip) {
      await page.screenshot(clip ? { path, clip } : { path });
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    bringToFront: () => page.bringToFront(),
    // Firefox exposes no listener list to a driver; the tests check nodes and behaviour there.
    extensionListeners: async () => null,
    // Content scripts' sandboxes are not among the realms WebDriver BiDi lets a driver into.
    tooltipComponents: async () => null,
    close: () => page.close(),
  };
}

export async function launchFirefox(extensionDir: string): Promise<ExtensionBrowser> {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `Firefox ESR not found at ${FIREFOX_PATH}: run "apt-get install -y firefox-esr" or set FIREFOX_PATH.`,
    );
  }
  // Pinning the add-on's internal UUID gives the popup a URL the test can open.
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: { width: 1000, height: 800 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      // permissions.request() is then granted without the prompt a headless test cannot click;
      // everything after the grant is the real flow.
      'extensions.webextOptionalPermissionPrompts': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // Nothing but 127.0.0.1 exists here: every other address goes to a closed local port and
      // fails at once, and there are no update checks, telemetry or captive-portal probes.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '127.0.0.1',
      // A failed navigation leaves the page in place instead of showing an error page.
      'browser.xul.error_pages.enabled': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'network.captive-portal-service.enabled': false,
    },
  });
  await browser.installExtension(extensionDir);
  // Firefox does not say which script started a request, so only the extension's own pages
  // are watched here; the Chromium run covers the background and the content script.
  const requests: string[] = [];
  return {
    name: 'firefox',
    async open(url, { ownWindow = false } = {}) {
      const page = await browser.newPage(ownWindow ? { type: 'window' } : undefined);
      const driver = drive(browser, page);
      await page.goto(url).catch(async (error: unknown) => {
        // A page script that navigates away to an address outside this machine fails there;
        // with error pages off the page stays, and the driver's complaint is about the other
        // address. Anything else is a real failure.
        const here = await page.evaluate(() => location.href).catch(() => '');
        if (!here.startsWith(url)) {
          throw error;
        }
      });
      return driver;
    },
    extensionRequests: () => [...requests],
    async openExtensionPage(path) {
      const page = await browser.newPage();
      page.on('request', (request) => {
        if (!/^(moz-extension|data|blob|about):/.test(request.url())) {
          requests.push(`extension page: ${request.url()}`);
        }
      });
      // Extension pages may never report "load" to the driver: wait for the content instead.
      void page.goto(`moz-extension://${uuid}/${path}`).catch(() => undefined);
      await until(() => page.evaluate(() => !!document.querySelector('main')), path, 20_000);
      return drive(browser, page);
    },
    async setEnabled(enabled) {
      // The add-on manager: what about:addons does when the user flips the switch.
      await inChrome(
        browser,
        `(async () => {
          const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
          const addon = await AddonManager.getAddonByID(${JSON.stringify(GECKO_ID)});
          await (${enabled} ? addon.enable() : addon.disable());
        })()`,
      );
    },
    async tabUrls() {
      // puppeteer lists web pages only; the BiDi tree has every tab, extension pages included.
      const tree = await bidi(browser).send('browsingContext.getTree', { maxDepth: 0 });
      const { contexts } = tree.result as unknown as { contexts: Array<{ url: string }> };
      return contexts.map((c) => c.url);
    },
    // The browser window's own binding for the extension's command: what the key press fires.
    async pressShortcut(key) {
      const pressed = await inChrome(
        browser,
        `(() => {
          const win = Services.wm.getMostRecentWindow('navigator:browser');
          const binding = win?.document.querySelector('key[keycode="VK_${key}"][modifiers="alt,shift"], key[key="${key}"][modifiers="alt,shift"]');
          if (!binding) return false;
          binding.doCommand();
          return true;
        })()`,
      );
      return pressed === true;
    },
    close: () => browser.close(),
  };
}
