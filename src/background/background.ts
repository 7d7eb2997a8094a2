import browser from 'webextension-polyfill';
import { grantedPatterns } from '../access/access';
import { isWebPage, siteName } from '../access/patterns';
import { injectInto, injectTooltipUi, syncRegisteredScript } from '../access/scripts';
import { termsById } from '../glossary/data';
import { t } from '../i18n/i18n';
import {
  asMessage,
  entryPath,
  HIGHLIGHT_PAGE_COMMAND,
  LOOK_UP_MENU,
  type MoveToTermMessage,
  NEXT_TERM_COMMAND,
  PAGE_PORT,
  PREVIOUS_TERM_COMMAND,
  searchPath,
  type TabSite,
} from '../messages/messages';
import { asksToSave, asSaveRequest } from '../messages/saves';
import { isReaderUrl, sendToPage, tabUrl } from '../messages/to-page';
import { answerSave, progressWrites } from '../progress/writes';
import { store } from '../settings/extension-storage';

/**
 * The background routes browser events to the access module: first-run onboarding, keeping
 * the registered content script in step with the sites the user granted, the keyboard
 * shortcut, and the ports content scripts hold to notice the extension going away.
 */

const ONBOARDING = 'src/onboarding/index.html';

function report(error: unknown): void {
  console.warn('Ethical AI Glossary:', error);
}

/** Highlights the open tabs of newly granted sites, so nobody has to reload them. */
async function highlightOpenTabs(patterns: readonly string[]): Promise<void> {
  if (!patterns.length) {
    return;
  }
  const tabs = await browser.tabs.query({ url: [...patterns] });
  await Promise.all(
    tabs.map((tab) => (tab.id !== undefined ? injectInto(tab.id).catch(report) : undefined)),
  );
}

/**
 * Once per run of the extension (browser start, enable, update), highlight the tabs that were
 * already open on granted sites: re-enabling the extension brings its highlights back without
 * a reload. Session storage forgets the flag whenever the extension stops.
 */
async function highlightOpenTabsOnce(): Promise<void> {
  const { restored } = await browser.storage.session.get('restored');
  if (restored) {
    return;
  }
  await browser.storage.session.set({ restored: true });
  await highlightOpenTabs(await grantedPatterns());
}

void highlightOpenTabsOnce().catch(report);

/**
 * The glossaries the user's organisation installs through the browser's policies, brought
 * into storage whenever the background starts or the policy changes: stored like the user's
 * own, so pages, popup and options read them the same way, and written only where changed.
 */
async function syncManagedGlossaries(): Promise<void> {
  // Firefox refuses to read managed storage when no policy names the extension: none, then.
  const policy = await browser.storage.managed.get().catch(() => undefined);
  for (const problem of await store.applyManagedPolicy(policy)) {
    console.warn('Ethical AI Glossary: in a glossary your organisation installed:', problem);
  }
}

void syncManagedGlossaries().catch(report);

browser.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'install') {
    void browser.tabs.create({ url: browser.runtime.getURL(ONBOARDING) }).catch(report);
  }
  void syncRegisteredScript().catch(report);
  // Menus persist across restarts; made anew on every install and update.
  browser.contextMenus.removeAll().then(
    () =>
      browser.contextMenus.create({
        id: LOOK_UP_MENU,
        title: t('contextMenuLookUp'),
        contexts: ['selection'],
      }),
    report,
  );
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== LOOK_UP_MENU || !info.selectionText) {
    return;
  }
  void browser.tabs
    .create({
      url: browser.runtime.getURL(searchPath(info.selectionText)),
      index: tab ? tab.index + 1 : undefined,
    })
    .catch(report);
});

browser.runtime.onStartup.addListener(() => void syncRegisteredScript().catch(report));

browser.permissions.onAdded.addListener((added) => {
  void syncRegisteredScript()
    .then(() => highlightOpenTabs(added.origins ?? []))
    .catch(report);
});

browser.permissions.onRemoved.addListener(() => void syncRegisteredScript().catch(report));

const DIRECTIONS: Readonly<Record<string, 1 | -1>> = {
  [NEXT_TERM_COMMAND]: 1,
  [PREVIOUS_TERM_COMMAND]: -1,
};

browser.commands.onCommand.addListener((command, tab) => {
  const direction = DIRECTIONS[command];
  if (command !== HIGHLIGHT_PAGE_COMMAND && !direction) {
    return;
  }
  const run = async () => {
    const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    if (target?.id === undefined) {
      return;
    }
    const page = { id: target.id, url: await tabUrl(target) };
    if (!isWebPage(page.url) && !isReaderUrl(page.url)) {
      return;
    }
    if (direction) {
      const message: MoveToTermMessage = { type: 'move-to-term', direction };
      const moved = await sendToPage(page, message).then(
        () => true,
        () => false,
      );
      // The reader highlights itself: there is nothing to inject.
      if (moved || isReaderUrl(page.url)) {
        return;
      }
    }
    if (isWebPage(page.url)) {
      // Any of the shortcuts grants activeTab for this tab: this page, this time. On a page not
      // highlighted yet, the first press highlights it; the next one moves between its terms.
      await injectInto(page.id);
    }
  };
  void run().catch(report);
});

/** Changes to the reader's progress from every tab and page, stored one after the other. */
const writes = progressWrites(store);

// Where terms were met goes with the switch that kept it, whichever page or device turned it
// off (the setting syncs; the places stay on each device), and also when that happened while
// this browser was closed.
void writes.forgetPlacesUnlessKept().catch(report);

// One listener for what the background keeps in step with storage: the organisation's policy,
// and the places, which go when the switch that kept them goes off.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed') {
    void syncManagedGlossaries().catch(report);
  } else if (area === 'sync' && changes.whereMet && changes.whereMet.newValue !== true) {
    void writes.forgetPlacesUnlessKept().catch(report);
  }
});

/** The toolbar badge: how many distinct terms the tab's page shows, unless turned off. */
async function showCount(tabId: number, count: number): Promise<void> {
  const { badge } = await store.loadSettings();
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#1d4ed8' });
  await browser.action.setBadgeText({ tabId, text: badge && count > 0 ? String(count) : '' });
}

browser.runtime.onMessage.addListener((data: unknown, sender: browser.Runtime.MessageSender) => {
  const message = asMessage(data);
  const tab = sender.tab;
  // "Look up in glossary" in a tooltip: the term's entry, in a tab beside the page.
  if (message?.type === 'open-entry' && termsById.has(message.termId)) {
    void browser.tabs
      .create({
        url: browser.runtime.getURL(entryPath(message.termId)),
        index: tab ? tab.index + 1 : undefined,
      })
      .catch(report);
  } else if (message?.type === 'terms-on-page' && tab?.id !== undefined && sender.frameId === 0) {
    void showCount(tab.id, message.count).catch(report);
  } else if (message?.type === 'load-tooltip' && tab?.id !== undefined) {
    // Answered once the script has run, so the content script knows whether to wait for it.
    return injectTooltipUi(tab.id, sender.frameId ?? 0).then(
      () => true,
      (error: unknown) => {
        report(error);
        return false;
      },
    );
  } else if (asksToSave(data)) {
    const fromExtensionPage = sender.url?.startsWith(browser.runtime.getURL('')) ?? false;
    const request = asSaveRequest(data);
    if (!request) {
      // A malformed one is answered too: unanswered, the page would only learn that nothing was.
      return Promise.resolve({ problem: 'invalid' });
    }
    const answer = answerSave(request, writes, fromExtensionPage);
    if (request.type === 'delete-data') {
      // The organisation's glossaries are its policy's, not the reader's data: back at once.
      void answer.then(syncManagedGlossaries).catch(report);
    }
    return answer;
  } else if (message?.type === 'tab-site') {
    // The browser tells the page's address only where the extension may read the page.
    const answer: TabSite = { host: tab?.url && isWebPage(tab.url) ? siteName(tab.url) : null };
    return Promise.resolve(answer);
  }
  return undefined;
});

// Content scripts connect so that their port closes when the extension is disabled, updated
// or removed; nothing is sent over it.
browser.runtime.onConnect.addListener((port) => {
  if (port.name !== PAGE_PORT) {
    port.disconnect();
  }
});
