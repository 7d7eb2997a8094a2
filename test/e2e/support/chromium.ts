import { existsSync } from 'node:fs';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { type ExtensionBrowser, type PageDriver, READ_SHADOW, until } from './driver';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface DomNode {
  localName?: string;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findShadowOf(node: DomNode, localName: string): DomNode | null {
  if (node.localName === localName && node.shadowRoots?.[0]) return node.shadowRoots[0];
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findShadowOf(child, localName);
    if (found) return found;
  }
  return null;
}

function drive(page: Page): PageDriver {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async waitFor(fn, timeoutMs = 10_000) {
      await page.waitForFunction(fn, undefined, { timeout: timeoutMs });
    },
    hover: (selector) => page.hover(selector),
    type: (text) => page.keyboard.type(text, { delay: 20 }),
    press: (key) => page.keyboard.press(key),
    click: (selector) => page.click(selector),
    async readTooltip() {
      // DevTools protocol: DOM.getDocument with pierce includes closed shadow roots.
      const cdp = await page.context().newCDPSession(page);
      try {
        const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
          root: DomNode;
        };
        const shadow = findShadowOf(root, 'eaig-tooltip');
        if (!shadow) return null;
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
    async screenshot(path) {
      await page.screenshot({ path });
    },
    close: () => page.close(),
  };
}

export async function launchChromium(extensionDir: string): Promise<ExtensionBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run "apt-get install -y chromium" or set CHROMIUM_PATH.`,
    );
  }
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
  // Only 127.0.0.1 exists for these tests; anything else fails at once instead of hanging.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  let worker = context.serviceWorkers()[0];
  const extensionId = async () => {
    // No background worker in this build: find the id from the extensions page instead.
    const page = await context.newPage();
    await page.goto('chrome://extensions');
    const id = await page.evaluate(() => {
      const manager = document.querySelector('extensions-manager');
      const list = manager?.shadowRoot?.querySelector('extensions-item-list');
      const item = list?.shadowRoot?.querySelector('extensions-item');
      return item?.id ?? null;
    });
    await page.close();
    if (!id) throw new Error('The extension did not load in Chromium');
    return id;
  };
  const id = worker ? new URL(worker.url()).host : await extensionId();
  worker = undefined;
  return {
    name: 'chromium',
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return drive(page);
    },
    async openPopup() {
      const page = await context.newPage();
      await page.setViewportSize({ width: 420, height: 600 });
      await page.goto(`chrome-extension://${id}/src/popup/index.html`);
      await until(
        () => page.evaluate(() => !!document.querySelector('input[type=search]')),
        'the popup',
      );
      return drive(page);
    },
    close: () => context.close(),
  };
}
