/** What the end-to-end scenarios need from a browser, whichever one runs them. */

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface TooltipReading {
  /** "tooltip" when opened by hover, "dialog" once pinned. */
  readonly role: string | null;
  readonly text: string;
  /** The term's name as the card shows it, abbreviation included: "Bias", "… (DPIA)". */
  readonly name: string;
  readonly definition: string;
  /** The card's computed border radius and font size: proof that our styles applied. */
  readonly radius: string;
  readonly fontSize: string;
  /** Where the tooltip host sits on screen. */
  readonly rect: Box;
  readonly buttons: ReadonlyArray<{ text: string; rect: Box }>;
  /** The text of the element focused inside the tooltip, or null. */
  readonly focused: string | null;
  /** Each text part's colour and the background behind it, as computed. */
  readonly colors: ReadonlyArray<{ what: string; fg: string; bg: string }>;
  /**
   * True when the card is the very element an earlier reading saw: what it shows was updated
   * in place (a renderer's diff), not rebuilt.
   */
  readonly sameCard: boolean;
}

/** A rectangle of the viewport, in CSS pixels. */
export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageDriver {
  /** Runs `fn` in the page's own world (as a page script would) and returns its result. */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /**
   * Runs `fn` in the first frame of the page whose address holds `address` (a frame from
   * another site included); null while there is no such frame.
   */
  evaluateInFrame<T>(address: string, fn: () => T | Promise<T>): Promise<T | null>;
  /** Runs a script's source in the page's own world, past its CSP, as DevTools would. */
  addScript(source: string): Promise<void>;
  /** Waits until `fn`, run in the page, returns a truthy value. */
  waitFor(fn: () => unknown, timeoutMs?: number): Promise<void>;
  /** Moves the real pointer over the first element matching `selector`. */
  hover(selector: string): Promise<void>;
  /** Types into the focused element with real key events. */
  type(text: string): Promise<void>;
  press(key: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** A real click at a point of the viewport. */
  clickAt(x: number, y: number): Promise<void>;
  /** A tap of a finger on a touch screen at a point of the viewport. */
  tapAt(x: number, y: number): Promise<void>;
  /** Moves the real pointer to a point of the viewport. */
  moveTo(x: number, y: number): Promise<void>;
  /** Scrolls with the mouse wheel, as a reader does. */
  wheel(deltaY: number): Promise<void>;
  /** Emulates the system's light or dark theme for the page. */
  colorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /**
   * The accessible description the browser computes for the element matching `selector`, from
   * its accessibility tree; null where the browser has no way to tell (Firefox).
   */
  accessibleDescription(selector: string): Promise<string | null>;
  /** Reads our tooltip through its closed shadow root, with the browser's own protocol. */
  readTooltip(): Promise<TooltipReading | null>;
  /** A PNG of the viewport, or of `clip` (CSS pixels of the viewport) when given. */
  screenshot(path: string, clip?: Clip): Promise<void>;
  /** Gives the page a viewport of this size, as a window of that size would. */
  setViewport(width: number, height: number): Promise<void>;
  bringToFront(): Promise<void>;
  /**
   * How many event listeners the extension's content scripts hold on the document, counted by
   * the browser's own debugger; null where the browser has no way to tell (Firefox).
   */
  extensionListeners(): Promise<number | null>;
  /**
   * How many Preact components drew the tooltip's content, read from Preact's own tree in the
   * content script's world; null where the browser gives a driver no way into that world
   * (Firefox).
   */
  tooltipComponents(): Promise<number | null>;
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
  /**
   * Opens `url` in a new tab, or in a window of its own (`ownWindow`): a tab behind another
   * is hidden in Firefox, its timers slowed; a window is not. Chromium's headless tabs all run.
   */
  open(url: string, options?: { ownWindow?: boolean }): Promise<PageDriver>;
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
  /**
   * Fires the browser's own binding for Alt+Shift+<key> (an extension command) in the active
   * tab's window; false where a headless browser has no way to (Chromium).
   */
  pressShortcut(key: 'PERIOD' | 'COMMA' | 'G'): Promise<boolean>;
  close(): Promise<void>;
}

const POPUP = 'src/popup/index.html';

/**
 * Opens the popup about `page`'s tab, as the toolbar button would. Headless browsers have no
 * toolbar, so the popup opens as a tab told which tab it is about (`?tab=<id>`).
 */
export async function openPopupFor(browser: ExtensionBrowser, page: PageDriver) {
  const tabId = await tabIdOf(browser, page);
  const url = await page.evaluate(() => location.href);
  return browser.openExtensionPage(`${POPUP}?tab=${tabId}&url=${encodeURIComponent(url)}`);
}

type Api = typeof import('webextension-polyfill');

/**
 * The id of the tab showing `page`: the active one once it is in front. (Chrome tells no
 * extension the address of its own pages, so a tab cannot always be found by its address.)
 */
export async function tabIdOf(browser: ExtensionBrowser, page: PageDriver): Promise<number> {
  const remote = await browser.openExtensionPage(POPUP);
  await page.bringToFront();
  const tabId = await remote.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  await remote.close();
  if (tabId === undefined) {
    throw new Error('no active tab');
  }
  return tabId;
}

/** The toolbar badge text of the tab showing `page`, read from an extension page. */
export async function badgeOf(browser: ExtensionBrowser, page: PageDriver): Promise<string> {
  const tabId = await tabIdOf(browser, page);
  const remote = await browser.openExtensionPage('src/options/index.html');
  const text = await remote.evaluate(
    (id) => (globalThis as unknown as { chrome: Api }).chrome.action.getBadgeText({ tabId: id }),
    tabId,
  );
  await remote.close();
  return text;
}

/** Opens the popup with no page behind it (search, term of the day). */
export const openPopup = (browser: ExtensionBrowser) => browser.openExtensionPage(POPUP);

/** Polls `check` until it is truthy; for conditions the page cannot report itself. */
export async function until(check: () => Promise<unknown>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    last = await check().catch((e: unknown) => e);
    if (last && !(last instanceof Error)) {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `Timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`,
  );
}

/** Reads our tooltip in a shadow root handed in by the protocol; runs in the page. */
export const READ_SHADOW = `function (root) {
  var tip = root.querySelector('.card');
  if (!tip || !root.host.matches(':popover-open')) return null;
  var box = function (el) {
    var r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  };
  var style = getComputedStyle(tip);
  var seen = tip.__eaigTestRead === true;
  tip.__eaigTestRead = true;
  var colors = [];
  tip.querySelectorAll('.name, .category, .definition, .label, .source, button').forEach(function (el) {
    var own = getComputedStyle(el);
    var bg = el.localName === 'button' ? own.backgroundColor : style.backgroundColor;
    colors.push({ what: el.className || el.localName, fg: own.color, bg: bg });
  });
  return JSON.stringify({
    role: tip.getAttribute('role'),
    text: tip.textContent,
    name: (tip.querySelector('.name') || {}).textContent || '',
    definition: (tip.querySelector('.definition') || {}).textContent || '',
    radius: style.borderRadius,
    fontSize: style.fontSize,
    rect: box(root.host),
    buttons: Array.prototype.map.call(tip.querySelectorAll('button'), function (b) {
      return { text: b.textContent, rect: box(b) };
    }),
    focused: root.activeElement ? root.activeElement.textContent : null,
    colors: colors,
    sameCard: seen,
  });
}`;

/** Waits for the tooltip to show the term named `name` (as the card writes it) and reads it. */
export async function tooltipOn(page: PageDriver, name: string): Promise<TooltipReading> {
  let tip: TooltipReading | null = null;
  await until(async () => {
    tip = await page.readTooltip();
    return tip?.name === name;
  }, `the tooltip on ${name}`);
  return tip as unknown as TooltipReading;
}

/** Clicks the tooltip's button labelled `text` with the real pointer. */
export async function clickTooltipButton(page: PageDriver, text: string): Promise<void> {
  const tip = await page.readTooltip();
  const button = tip?.buttons.find((b) => b.text === text);
  if (!button) {
    throw new Error(`No tooltip button "${text}" in ${JSON.stringify(tip?.buttons)}`);
  }
  const { left, top, right, bottom } = button.rect;
  await page.clickAt((left + right) / 2, (top + bottom) / 2);
}

/**
 * A term shortcut (Alt+Shift+. or Alt+Shift+,). Firefox fires the extension command through
 * its own key binding; headless Chromium delivers no browser-level shortcut, so there an
 * extension page sends the tab the message the background sends on the command.
 */
export async function sendShortcut(
  browser: ExtensionBrowser,
  page: PageDriver,
  direction: 1 | -1,
): Promise<void> {
  await page.bringToFront();
  if (await browser.pressShortcut(direction === 1 ? 'PERIOD' : 'COMMA')) {
    return;
  }
  const url = await page.evaluate(() => location.href);
  // The glossary's PDF reader is an extension page: the background addresses it by its tab.
  const readerTab = url.includes('/src/pdf-reader/') ? await tabIdOf(browser, page) : null;
  const remote = await browser.openExtensionPage('src/options/index.html');
  await remote.evaluate(
    async ([address, move, reader]) => {
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      const request = { type: 'move-to-term', direction: move };
      if (reader !== null) {
        await api.runtime.sendMessage({ type: 'to-reader', tabId: reader, request });
        return;
      }
      // Not a url query: Firefox's match patterns have no port.
      const tab = (await api.tabs.query({})).find((t) => t.url === address);
      if (tab?.id === undefined) {
        throw new Error(`no tab at ${address}`);
      }
      await api.tabs.sendMessage(tab.id, request, { frameId: 0 });
    },
    [url, direction, readerTab] as const,
  );
  await remote.close();
  await page.bringToFront();
}

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

/** Highlighting on or off for every open tab, as the popup's switch does it: through storage. */
export interface HighlightingSwitch {
  set(enabled: boolean): Promise<void>;
  close(): Promise<void>;
}

/** Writes settings as the extension's pages store them (one storage.sync key each). */
const storeSettings = (page: PageDriver, values: Record<string, unknown>) =>
  page.evaluate(
    (v) =>
      (
        globalThis as unknown as { chrome: typeof import('webextension-polyfill') }
      ).chrome.storage.sync.set(v),
    values,
  );

/** One extension page kept open to flip the switch as often as a suite needs. */
export async function highlightingSwitch(browser: ExtensionBrowser): Promise<HighlightingSwitch> {
  const page = await browser.openExtensionPage('src/options/index.html');
  return {
    set: (enabled) => storeSettings(page, { enabled }),
    close: () => page.close(),
  };
}

/** Stores `values` as settings once, from an extension page opened for it; open tabs follow. */
export async function setStoredSettings(
  browser: ExtensionBrowser,
  values: Record<string, unknown>,
): Promise<void> {
  const page = await browser.openExtensionPage('src/options/index.html');
  await storeSettings(page, values);
  await page.close();
}

/** Switches highlighting on or off for every open tab, once. */
export const setHighlighting = (browser: ExtensionBrowser, enabled: boolean) =>
  setStoredSettings(browser, { enabled });

/** What a page reports on its console and as uncaught errors, minus the test's own noise. */
export function pageLog(noise: RegExp) {
  const errors: string[] = [];
  const warnings: string[] = [];
  return {
    uncaught: (message: string) => errors.push(`uncaught: ${message}`),
    console(type: string, text: string) {
      if (type === 'warning' || type === 'warn') {
        warnings.push(text);
      }
      if (type === 'error' && !noise.test(text)) {
        errors.push(`console: ${text}`);
      }
    },
    errors: () => [...errors],
    warnings: () => [...warnings],
  };
}

/** A file the page handed the browser as a download. */
export interface SavedFile {
  readonly name: string;
  readonly text: string;
}

/**
 * From now on, catches the downloads `page` hands over (a link to a blob, clicked) instead of
 * saving them; `savedFiles` reads them. The pages' CSP lets no fetch read a blob back, so the
 * blob itself is kept where it is made.
 */
export const catchDownloads = (page: PageDriver) =>
  page.evaluate(() => {
    const files: Array<Promise<{ name: string; text: string }>> = [];
    const blobs = new Map<string, Blob>();
    (window as unknown as { savedFiles: typeof files }).savedFiles = files;
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      const url = create(blob);
      blobs.set(url, blob as Blob);
      return url;
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const name = this.download;
      files.push((blobs.get(this.href) as Blob).text().then((text) => ({ name, text })));
    };
  });

/** The downloads caught so far in `page` (see `catchDownloads`), in order. */
export const savedFiles = (page: PageDriver): Promise<SavedFile[]> =>
  page.evaluate(() =>
    Promise.all(
      (window as unknown as { savedFiles: Promise<{ name: string; text: string }>[] }).savedFiles,
    ),
  );
