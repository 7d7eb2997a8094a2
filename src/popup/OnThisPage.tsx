import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../i18n/i18n';
import {
  asMessage,
  asPageTerms,
  type PageTerms,
  type PageTermsRequest,
  type ShowTermMessage,
} from '../messages/messages';
import { sendToPage } from '../messages/to-page';
import type { ActiveTab } from './active-tab';
import type { TermLookup } from './all-terms';

/**
 * The terms highlighted in `tab`, as its content script counts them (in the PDF reader, those
 * of pages not drawn yet too); null when it has none.
 * Kept up to date while the popup is open: a page highlighted only now (opening the popup is
 * the request in "only when I ask" mode), or still adding highlights, says so with the same
 * report that sets the toolbar count, and the list is asked for again.
 */
export function usePageTerms(tab: ActiveTab | null | undefined): PageTerms | null {
  const [terms, setTerms] = useState<PageTerms | null>(null);
  useEffect(() => {
    if (!tab) {
      return;
    }
    let open = true;
    const request: PageTermsRequest = { type: 'page-terms' };
    const ask = () =>
      // No content script there (not highlighted, not a web page): nothing to list.
      sendToPage(tab, request).then(
        (answer) => open && setTerms(asPageTerms(answer)),
        () => open && setTerms(null),
      );
    const onReport = (message: unknown, sender: browser.Runtime.MessageSender) => {
      const fromTab = sender.tab?.id === tab.id && sender.frameId === 0;
      if (fromTab && asMessage(message)?.type === 'terms-on-page') {
        void ask();
      }
    };
    void ask();
    browser.runtime.onMessage.addListener(onReport);
    return () => {
      open = false;
      browser.runtime.onMessage.removeListener(onReport);
    };
  }, [tab]);
  return terms;
}

/** Scrolls the tab to the term's first highlight and opens its tooltip; the popup gives way. */
export async function showOnPage(tab: ActiveTab, termId: string): Promise<void> {
  const message: ShowTermMessage = { type: 'show-term', termId };
  await sendToPage(tab, message);
  // A real popup closes so the reader sees the page; opened as a tab (tests), it stays.
  if (!new URLSearchParams(location.search).has('tab')) {
    window.close();
  }
}

/**
 * "On this page": each highlighted term with how often it appears, a button to go to it; in
 * the PDF reader, then the terms of pages not drawn yet, each with its page.
 */
export function OnThisPage({
  tab,
  terms: { terms, later = [] },
  lookup,
}: {
  tab: ActiveTab;
  terms: PageTerms;
  lookup: TermLookup;
}) {
  const buttons = [
    ...terms.map(({ id, count }) => ({
      id,
      note: `×${count}`,
      label: (term: string) => t('popupOnPageLabel', term, count),
    })),
    ...later.map(({ id, page }) => ({
      id,
      note: t('popupLaterPage', page),
      label: (term: string) => t('popupLaterLabel', term, page),
    })),
  ];
  if (!buttons.length) {
    return null;
  }
  return (
    <section class="on-page" aria-labelledby="on-page-heading">
      <h2 id="on-page-heading" class="eyebrow">
        {t('popupOnThisPage')}
      </h2>
      <ul>
        {buttons.map(({ id, note, label }) => {
          const term = lookup.view(id);
          return term ? (
            <li key={id}>
              <button
                type="button"
                onClick={() => void showOnPage(tab, id).catch(() => undefined)}
                // Starts with the visible text, so speech input ("click Bias ×2") finds it.
                aria-label={label(term.term)}
              >
                {term.term} <span class="times">{note}</span>
              </button>
            </li>
          ) : null;
        })}
      </ul>
    </section>
  );
}
