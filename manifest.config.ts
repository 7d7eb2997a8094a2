import type { ManifestV3Export } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };
import {
  HIGHLIGHT_PAGE_COMMAND,
  NEXT_TERM_COMMAND,
  PREVIOUS_TERM_COMMAND,
} from './src/messages/messages.ts';

export type TargetBrowser = 'chrome' | 'firefox';

/** The Firefox add-on id: stable, because storage and the pinned UUID in tests key on it. */
export const GECKO_ID = 'ethical-ai-glossary@example.org';

/** One manifest source for both browsers; only what differs between them branches here. */
export function manifestFor(browser: TargetBrowser): ManifestV3Export {
  const icons = {
    16: 'icons/icon-16.png',
    32: 'icons/icon-32.png',
    48: 'icons/icon-48.png',
    128: 'icons/icon-128.png',
  };
  return {
    manifest_version: 3,
    // Every string the browser shows comes from _locales (see src/i18n/i18n.ts).
    name: '__MSG_extensionName__',
    version: pkg.version,
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    icons,
    action: {
      default_title: '__MSG_extensionName__',
      default_popup: 'src/popup/index.html',
      default_icon: icons,
    },
    // Only what shipped features use: settings in storage; activeTab + scripting to highlight
    // a page on request; contextMenus for "Look up in Ethical AI Glossary" on selected text.
    // Reading sites is optional, granted by the user (onboarding, options, popup or the
    // browser's own site-access settings), never demanded at install.
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    options_ui: { page: 'src/options/index.html', open_in_tab: true },
    commands: {
      [HIGHLIGHT_PAGE_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_commandHighlightPage__',
      },
      [NEXT_TERM_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: '__MSG_commandNextTerm__',
      },
      [PREVIOUS_TERM_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: '__MSG_commandPreviousTerm__',
      },
    },
    background:
      browser === 'firefox'
        ? { scripts: ['src/background/background.ts'] }
        : { service_worker: 'src/background/background.ts', type: 'module' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '120' }),
  } as ManifestV3Export;
}
