import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { termsById } from '../glossary/data';
import { t } from '../i18n/i18n';
import {
  asPageTerms,
  type PageTerms,
  type PageTermsRequest,
  type ShowTermMessage,
} from '../messages/messages';
import type { ActiveTab } from './active-tab';

/** The terms highlighted in `tab`, as its content script counts them; null when it has none. */
export function usePageTerms(tab: ActiveTab | null | undefined): PageTerms['terms'] | null {
  const [terms, setTerms] = useState<PageTerms['terms'] | null>(null);
  useEffect(() => {
    if (!tab) return;
    const request: PageTermsRequest = { type: 'page-terms' };
    // No content script there (not highlighted, not a web page): nothing to list.
    browser.tabs.sendMessage(tab.id, request, { frameId: 0 }).then(
      (answer) => setTerms(asPageTerms(answer)?.terms ?? null),
      () => setTerms(null),
    );
  }, [tab]);
  return terms;
}

/** Scrolls the tab to the term's first highlight and opens its tooltip; the popup gives way. */
export async function showOnPage(tab: ActiveTab, termId: string): Promise<void> {
  const message: ShowTermMessage = { type: 'show-term', termId };
  await browser.tabs.sendMessage(tab.id, message, { frameId: 0 });
  // A real popup closes so the reader sees the page; opened as a tab (tests), it stays.
  if (!new URLSearchParams(location.search).has('tab')) window.close();
}

/** "On this page": each highlighted term with how often it appears, a button to go to it. */
export function OnThisPage({ tab, terms }: { tab: ActiveTab; terms: PageTerms['terms'] }) {
  if (!terms.length) return null;
  return (
    <section class="on-page" aria-labelledby="on-page-heading">
      <h2 id="on-page-heading" class="eyebrow">
        {t('popupOnThisPage')}
      </h2>
      <ul>
        {terms.map(({ id, count }) => {
          const term = termsById.get(id);
          return term ? (
            <li key={id}>
              <button
                type="button"
                onClick={() => void showOnPage(tab, id).catch(() => undefined)}
                aria-label={
                  count === 1
                    ? t('popupOnPageLabelOnce', term.term)
                    : t('popupOnPageLabel', term.term, count)
                }
              >
                {term.term} <span class="times">×{count}</span>
              </button>
            </li>
          ) : null;
        })}
      </ul>
    </section>
  );
}
