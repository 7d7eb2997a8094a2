import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { type PageTab, tabUrl } from '../messages/to-page';

/** The tab the popup is about. */
export type ActiveTab = PageTab;

/**
 * The tab the popup is about. Opened from the toolbar, that is the active tab, whose address
 * activeTab lets us read. Opened as a page by extension code (the end-to-end tests; web pages
 * cannot open it) with `?tab=<id>&url=<address>`, that tab: without activeTab the browser
 * hides its address, so the opener names it.
 */
export async function activeTab(): Promise<ActiveTab | null> {
  const params = new URLSearchParams(location.search);
  const requested = Number(params.get('tab'));
  if (Number.isInteger(requested) && requested > 0) {
    const tab = await browser.tabs.get(requested);
    return { id: requested, url: tab.url ?? params.get('url') ?? undefined };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined ? { id: tab.id, url: await tabUrl(tab) } : null;
}

/** The tab the popup is about, looked up once: undefined while looking, null when there is none. */
export function useActiveTab(): ActiveTab | null | undefined {
  const [tab, setTab] = useState<ActiveTab | null | undefined>(undefined);
  useEffect(() => {
    activeTab().then(setTab, () => setTab(null));
  }, []);
  return tab;
}
