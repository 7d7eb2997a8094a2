import { launchChromium } from './chromium';
import { type ExtensionBrowser, grantAllSitesFromOnboarding } from './driver';
import { EXTENSION_DIRS } from './extension-dirs';
import { launchFirefox } from './firefox';

/** Both browsers with site access granted: the state in which a reader sees highlights. */
export const grantedLaunchers: Record<'chromium' | 'firefox', () => Promise<ExtensionBrowser>> = {
  chromium: () =>
    launchChromium(EXTENSION_DIRS.chrome, {
      // localhost: the same test server under another name, another site to the browser.
      grantedSites: ['http://127.0.0.1/*', 'http://localhost/*'],
    }),
  firefox: async () => {
    const browser = await launchFirefox(EXTENSION_DIRS.firefox);
    await grantAllSitesFromOnboarding(browser);
    return browser;
  },
};

export const BROWSERS = Object.keys(grantedLaunchers) as Array<keyof typeof grantedLaunchers>;
