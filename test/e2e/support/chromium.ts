import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BrowserContext,
  type CDPSession,
  chromium,
  type Page,
  type Worker,
} from 'playwright-core';
import {
  type ExtensionBrowser,
  hasRegisteredScript,
  type PageDriver,
  pageLog,
  READ_SHADOW,
  until,
} from './driver';

const EXTENSION_NAME = 'Ethical AI Glossary';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface DomNode {
  localName?: string;
  /** Names and values, one after the other. */
  attributes?: string[];
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** The shadow root of our tooltip's host (`<eaig-tooltip-<random> data-eaig-tooltip>`). */
function findTooltipShadow(node: DomNode): DomNode | null {
  const ours =
    node.localName?.startsWith('eaig-tooltip-') && node.attributes?.includes('data-eaig-tooltip');
  if (ours && node.shadowRoots?.[0]) {
    return node.shadowRoots[0];
  }
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findTooltipShadow(child);
    if (found) {
      return found;
    }
  }
  return null;
}

/**
 * The isolated worlds our content scripts run in, named after the extension; enabling the
 * runtime replays every existing context, old (orphaned) worlds included.
 */
async function isolatedWorlds(cdp: CDPSession): Promise<number[]> {
  const worlds: number[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.name === EXTENSION_NAME) {
      worlds.push(context.id);
    }
  });
  await cdp.send('Runtime.enable');
  return worlds;
}

/** Network failures are the test's doing (only 127.0.0.1 is reachable), not the page's. */
const NETWORK_NOISE = /Failed to load resource|net::ERR_|ERR_FAILED/;

function drive(page: Page): PageDriver {
  const log = pageLog(NETWORK_NOISE);
  page.on('pageerror', (error) => log.uncaught(error.message));
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
      // Checked every 25 ms, not every frame (Playwright's default): headless Chromium holds
      // back a page's frames for about a second at a time once an extension has been switched
      // off and on, so a wait for what was on the page at 300 ms returned at 1,060 ms.
      await page.waitForFunction(fn, undefined, { timeout: timeoutMs, polling: 25 });
    },
    hover: (selector) => page.hover(selector),
    type: (text) => page.keyboard.type(text, { delay: 20 }),
    press: (key) => page.keyboard.press(key),
    click: (selector) => page.click(selector),
    moveTo: (x, y) => page.mouse.move(x, y),
    async tapAt(x, y) {
      const cdp = await page.context().newCDPSession(page);
      try {
        await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      } finally {
        await cdp.detach();
      }
    },
    clickAt: (x, y) => page.mouse.click(x, y),
    wheel: (deltaY) => page.mouse.wheel(0, deltaY),
    colorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
    async accessibleDescription(selector) {
      const cdp = await page.context().newCDPSession(page);
      try {
        const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as {
          root: { nodeId: number };
        };
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
        if (!nodeId) {
          return null;
        }
        const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
          nodeId,
          fetchRelatives: false,
        });
        const description = nodes[0]?.description?.value;
        return typeof description === 'string' ? description : null;
      } finally {
        await cdp.detach();
      }
    },
    async readTooltip() {
      // DevTools protocol: DOM.getDocument with pierce includes closed shadow roots.
      const cdp = await page.context().newCDPSession(page);
      try {
        const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
          root: DomNode;
        };
        const shadow = findTooltipShadow(root);
        if (!shadow) {
          return null;
        }
        const { object } = await cdp.send('DOM.resolveNode', {
          backendNodeId: shadow.backendNodeId,
        });
        const { result } = await cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId,
          functionDeclaration: `function () { return (${READ_SHADOW})(this); }`,
          returnByValue: true,
        });
        return result.value ? JSON.parse(result.value as string) : null;
      } finally {
        await cdp.detach();
      }
    },
    async tooltipComponents() {
      // Preact keeps its tree on the element it renders into (`__k`, its `_children`), an
      // expando of the content script's isolated world: read it from inside that world.
      const cdp = await page.context().newCDPSession(page);
      try {
        const worlds = await isolatedWorlds(cdp);
        const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
          root: DomNode;
        };
        const mount = findTooltipShadow(root)?.children?.find((c) => c.localName === 'div');
        if (!mount) {
          return 0;
        }
        let most = 0;
        for (const executionContextId of worlds) {
          const { object } = await cdp.send('DOM.resolveNode', {
            backendNodeId: mount.backendNodeId,
            executionContextId,
          });
          const { result } = await cdp.send('Runtime.callFunctionOn', {
            objectId: object.objectId,
            functionDeclaration: `function () {
              var count = 0;
              (function walk(vnode) {
                if (!vnode) return;
                if (typeof vnode.type === 'function') count++;
                (vnode.__k || []).forEach(walk);
              })(this.__k);
              return count;
            }`,
            returnByValue: true,
          });
          most = Math.max(most, Number(result.value) || 0);
        }
        return most;
      } finally {
        await cdp.detach();
      }
    },
    async screenshot(path, clip) {
      await page.screenshot(clip ? { path, clip } : { path });
    },
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    bringToFront: () => page.bringToFront(),
    async extensionListeners() {
      // Each content script runs in an isolated world named after the extension; enabling the
      // runtime replays every existing context, old (orphaned) worlds included.
      const cdp = await page.context().newCDPSession(page);
      const worlds = await isolatedWorlds(cdp);
      let total = 0;
      for (const contextId of worlds) {
        const { result } = await cdp.send('Runtime.evaluate', {
          expression: 'document',
          contextId,
        });
        if (!result.objectId) {
          continue;
        }
        const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
          objectId: result.objectId,
        });
        total += listeners.length;
      }
      await cdp.detach();
      return total;
    },
    async heapUsed() {
      const cdp = await page.context().newCDPSession(page);
      try {
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        return usedSize;
      } finally {
        await cdp.detach();
      }
    },
    close: () => page.close(),
  };
}

export interface ChromiumOptions {
  /**
   * Sites to load the extension with as already granted. Chromium cannot be made to accept
   * its permission prompt headless, so the granted state is a copy of the build whose manifest
   * lists them in host_permissions: the same grant the browser's site-access settings give.
   */
  readonly grantedSites?: readonly string[];
  /** Called with the folder the extension loads from, just before the browser starts. */
  readonly beforeLaunch?: (extensionDir: string) => void;
}

/**
 * The id Chromium gives an unpacked extension: the SHA-256 of its folder's absolute path, the
 * first 32 hex digits written with the letters a to p. A policy for it can be set before it loads.
 */
export function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256').update(realpathSync(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

function withGrantedSites(extensionDir: string, sites: readonly string[]): string {
  const copy = mkdtempSync(join(tmpdir(), 'eaig-granted-'));
  cpSync(extensionDir, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...sites];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return copy;
}

/**
 * Chromium with the built extension loaded, its content script registered when sites are
 * granted: the raw context, for the bench's traces. Tests use `launchChromium`.
 */
export async function launchChromiumContext(
  builtDir: string,
  options: ChromiumOptions = {},
): Promise<{ context: BrowserContext; worker: Worker }> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run "apt-get install -y chromium" or set CHROMIUM_PATH.`,
    );
  }
  const extensionDir = options.grantedSites
    ? withGrantedSites(builtDir, options.grantedSites)
    : builtDir;
  options.beforeLaunch?.(extensionDir);
  const context: BrowserContext = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1000, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // Only loopback exists for these tests; anything else fails at once instead of hanging.
  await context.route(/^https?:\/\/(?!127\.0\.0\.[12][:/]|localhost[:/])/, (route) =>
    route.abort(),
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  if (options.grantedSites) {
    // The background registers the content script in onInstalled, after the worker starts:
    // a page opened before that would be read without the extension, as a real race.
    await until(() => worker.evaluate(hasRegisteredScript), 'the content script registered');
  }
  return { context, worker };
}

export async function launchChromium(
  builtDir: string,
  options: ChromiumOptions = {},
): Promise<ExtensionBrowser> {
  const { context, worker } = await launchChromiumContext(builtDir, options);
  const id = new URL(worker.url()).host;
  let manager: Page | undefined;
  const requests: string[] = [];
  const local = /^(chrome-extension|chrome|data|blob|about):/;
  context.on('request', (request) => {
    if (local.test(request.url())) {
      return;
    }
    if (request.serviceWorker()?.url().startsWith('chrome-extension://')) {
      requests.push(`background: ${request.url()}`);
      return;
    }
    try {
      if (request.frame().url().startsWith('chrome-extension://')) {
        requests.push(`extension page: ${request.url()}`);
      }
    } catch {
      // A navigation before its frame exists: the test's own page loads.
    }
  });
  /** A content script's requests carry its chrome-extension:// script in their initiator. */
  const watchContentScripts = async (page: Page) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    cdp.on('Network.requestWillBeSent', ({ initiator, request }) => {
      if (local.test(request.url)) {
        return;
      }
      const frames: Array<{ url: string }> = [];
      for (let stack = initiator.stack; stack; stack = stack.parent) {
        frames.push(...stack.callFrames);
      }
      const urls = [initiator.url ?? '', ...frames.map((f) => f.url)];
      if (urls.some((u) => u.startsWith('chrome-extension://'))) {
        requests.push(`content script: ${request.url}`);
      }
    });
  };
  return {
    name: 'chromium',
    async open(url) {
      const page = await context.newPage();
      const driver = drive(page);
      await watchContentScripts(page);
      await page.goto(url);
      return driver;
    },
    extensionRequests: () => [...requests],
    // Headless Chromium has no window whose accelerators would see the keys.
    pressShortcut: async () => false,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/${path}`);
      // There, as the Firefox driver waits: the reader's `main` has no size of its own.
      await page.waitForSelector('main', { state: 'attached' });
      return drive(page);
    },
    tabUrls: async () => context.pages().map((p) => p.url()),
    async setEnabled(enabled) {
      // chrome://extensions is allowed the management API: what its on/off switch calls.
      manager ??= await context.newPage();
      if (!manager.url().startsWith('chrome://extensions')) {
        await manager.goto('chrome://extensions');
      }
      await manager.evaluate(
        ([extensionId, on]) => {
          const api = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') })
            .chrome;
          return api.management.setEnabled(extensionId, on);
        },
        [id, enabled] as const,
      );
    },
    close: () => context.close(),
  };
}
