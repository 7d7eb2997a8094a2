import browser from 'webextension-polyfill';
import { documentOf, READER_PAGE } from '../pdf-reader/address';
import type { PageRequest, ToReaderMessage } from './messages';

/**
 * How the popup and the background reach the page a tab shows: a web page's content script
 * through `tabs.sendMessage`, the glossary's PDF reader (an extension page, which that does not
 * reach) through a runtime message addressed to its tab.
 */

/** A tab, as the popup and the background know it. */
export interface PageTab {
  readonly id: number;
  readonly url: string | undefined;
}

/** Whether `url` is the glossary's PDF reader. */
export const isReaderUrl = (url: string | undefined): url is string =>
  url?.startsWith(browser.runtime.getURL(READER_PAGE)) ?? false;

/** The PDF the reader at `url` shows; null for any other page. */
export function readerDocument(url: string | undefined): string | null {
  return isReaderUrl(url) ? (documentOf(new URL(url))?.file ?? null) : null;
}

/**
 * The address `tab` shows. Chrome tells no extension the address of its own pages without the
 * `tabs` permission; `runtime.getContexts` names them (and only them). Firefox tells it anyway.
 */
export async function tabUrl(tab: { id?: number; url?: string }): Promise<string | undefined> {
  if (tab.url || tab.id === undefined) {
    return tab.url;
  }
  const contexts = await browser.runtime
    .getContexts({ tabIds: [tab.id], contextTypes: ['TAB'] })
    .catch(() => []);
  return contexts.find((context) => context.frameId === 0)?.documentUrl;
}

/** Sends `request` to the page `tab` shows; rejected where no page of ours listens there. */
export function sendToPage(tab: PageTab, request: PageRequest): Promise<unknown> {
  if (isReaderUrl(tab.url)) {
    const message: ToReaderMessage = { type: 'to-reader', tabId: tab.id, request };
    return browser.runtime.sendMessage(message);
  }
  return browser.tabs.sendMessage(tab.id, request, { frameId: 0 });
}
