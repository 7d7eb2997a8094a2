/** What the end-to-end scenarios need from a browser, whichever one runs them. */

export interface TooltipReading {
  readonly role: string | null;
  readonly text: string;
  /** The card's computed border radius: proof that our styles applied. */
  readonly radius: string;
  /** Where the tooltip host sits on screen. */
  readonly rect: { left: number; top: number; right: number; bottom: number };
}

export interface PageDriver {
  /** Runs `fn` in the page's own world (as a page script would) and returns its result. */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** Waits until `fn`, run in the page, returns a truthy value. */
  waitFor(fn: () => unknown, timeoutMs?: number): Promise<void>;
  /** Moves the real pointer over the first element matching `selector`. */
  hover(selector: string): Promise<void>;
  /** Types into the focused element with real key events. */
  type(text: string): Promise<void>;
  press(key: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** Reads our tooltip through its closed shadow root, with the browser's own protocol. */
  readTooltip(): Promise<TooltipReading | null>;
  screenshot(path: string): Promise<void>;
  bringToFront(): Promise<void>;
  /**
   * How many event listeners the extension's content scripts hold on the document, counted by
   * the browser's own debugger; null where the browser has no way to tell (Firefox).
   */
  extensionListeners(): Promise<number | null>;
  /**
   * The page's JavaScript heap after a full garbage collection, content scripts' worlds
   * included (they share the page's engine); null where the browser has no way to tell.
   */
  heapUsed(): Promise<number | null>;
  /** Uncaught exceptions and console errors the page has reported since it opened. */
  errors(): string[];
  /** Console warnings the page has logged since it opened. */
  warnings(): string[];
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  readonly name: 'chromium' | 'firefox';
  open(url: string): Promise<PageDriver>;
  /** Opens one of the extension's pages (`src/options/index.html`) in a tab. */
  openExtensionPage(path: string): Promise<PageDriver>;
  /** The URLs of every open tab, extension pages included. */
  tabUrls(): Promise<string[]>;
  /** Disables or enables the extension, as the browser's extension manager does. */
  setEnabled(enabled: boolean): Promise<void>;
  /**
   * Every network request the extension has made since launch: from its background, its own
   * pages and (Chromium, which names a request's initiating script) its content scripts.
   */
  extensionRequests(): string[];
  close(): Promise<void>;
}

const POPUP = 'src/popup/index.html';

/**
 * Opens the popup about `page`'s tab, as the toolbar button would. Headless browsers have no
 * toolbar, so the popup opens as a tab told which tab it is about (`?tab=<id>`).
 */
export async function openPopupFor(browser: ExtensionBrowser, page: PageDriver) {
  const popup = await browser.openExtensionPage(POPUP);
  await page.bringToFront();
  const tabId = await popup.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') })
      .chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  const url = await page.evaluate(() => location.href);
  await popup.close();
  return browser.openExtensionPage(`${POPUP}?tab=${tabId}&url=${encodeURIComponent(url)}`);
}

/** Opens the popup with no page behind it (search, term of the day). */
export const openPopup = (browser: ExtensionBrowser) => browser.openExtensionPage(POPUP);

/** Polls `check` until it is truthy; for conditions the page cannot report itself. */
export async function until(check: () => Promise<unknown>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    last = await check().catch((e: unknown) => e);
    if (last && !(last instanceof Error)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `Timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`,
  );
}

/** Finds our tooltip in a shadow root handed in by the protocol; runs in the page. */
export const READ_SHADOW = `function (root) {
  var tip = root.querySelector('[role="tooltip"]');
  var host = root.host.getBoundingClientRect();
  if (!tip || !root.host.matches(':popover-open')) return null;
  return JSON.stringify({
    role: tip.getAttribute('role'),
    text: tip.textContent,
    radius: getComputedStyle(tip).borderRadius,
    rect: { left: host.left, top: host.top, right: host.right, bottom: host.bottom },
  });
}`;

/**
 * Run in an extension context (a page, the service worker): has the background registered the
 * content script yet? Pages opened before it has are read without the extension.
 */
export const hasRegisteredScript = async () => {
  const api = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
  return (await api.scripting.getRegisteredContentScripts()).length > 0;
};

/** Chooses "Highlight on all sites" on the first-run page, as a new user would. */
export async function grantAllSitesFromOnboarding(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.openExtensionPage('src/onboarding/index.html');
  await page.waitFor(() => document.querySelector('input[value="all"]'));
  await page.click('input[value="all"]');
  await page.waitFor(
    () => (document.querySelector('input[value="all"]') as HTMLInputElement)?.checked,
  );
  // The background registers the content script after the grant, not at once.
  await until(() => page.evaluate(hasRegisteredScript), 'the content script registered');
  await page.close();
}

/** Switches highlighting on or off for every open tab, as the popup's switch does. */
export async function setHighlighting(browser: ExtensionBrowser, enabled: boolean): Promise<void> {
  const page = await browser.openExtensionPage('src/options/index.html');
  await page.evaluate(
    (on) =>
      (
        globalThis as unknown as { chrome: typeof import('webextension-polyfill') }
      ).chrome.storage.sync.set({ enabled: on }),
    enabled,
  );
  await page.close();
}

/** What a page reports on its console and as uncaught errors, minus the test's own noise. */
export function pageLog(noise: RegExp) {
  const errors: string[] = [];
  const warnings: string[] = [];
  return {
    uncaught: (message: string) => errors.push(`uncaught: ${message}`),
    console(type: string, text: string) {
      if (type === 'warning' || type === 'warn') warnings.push(text);
      if (type === 'error' && !noise.test(text)) errors.push(`console: ${text}`);
    },
    errors: () => [...errors],
    warnings: () => [...warnings],
  };
}
