import { join } from 'node:path';
import { ROOT } from '../../support/shared';
import { launchChromium } from './chromium';
import { type ExtensionBrowser, grantAllSitesFromOnboarding } from './driver';
import { launchFirefox } from './firefox';

/** Both browsers with site access granted: the state in which a reader sees highlights. */
export const grantedLaunchers: Record<'chromium' | 'firefox', () => Promise<ExtensionBrowser>> = {
  chromium: () =>
    launchChromium(join(ROOT, 'dist/chrome'), {
      // localhost: the same test server under another name, another site to the browser.
      grantedSites: ['http://127.0.0.1/*', 'http://localhost/*'],
    }),
  firefox: async () => {
    const browser = await launchFirefox(join(ROOT, 'dist/firefox'));
    await grantAllSitesFromOnboarding(browser);
    return browser;
  },
};

export const BROWSERS = Object.keys(grantedLaunchers) as Array<keyof typeof grantedLaunchers>;
