import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isWebPage, siteName } from '../access/patterns';
import { glossary } from '../glossary/data';
import { t } from '../i18n/i18n';
import { readerDocument } from '../messages/to-page';
import { looksLikePdf } from '../pdf-reader/address';
import { store } from '../settings/extension-storage';
import { localDay, msUntilNextLocalMidnight, termOfTheDay } from '../term-of-day/term-of-day';
import { HighlightToggle } from '../ui/HighlightToggle';
import { useSettings } from '../ui/hooks';
import { RepairNotice } from '../ui/RepairNotice';
import { resultCount } from '../ui/result-count';
import { TermCard } from '../ui/TermCard';
import { useActiveTab } from './active-tab';
import { useAllTerms } from './all-terms';
import { OnThisPage, showOnPage, usePageTerms } from './OnThisPage';
import { PdfReaderOffer } from './PdfReaderOffer';
import { Progress } from './Progress';
import { SitePanel } from './SitePanel';
import { SitePause } from './SitePause';

const ids = glossary.terms.map((t) => t.id);
/** Results drawn at most: a glossary of thousands would take the popup seconds to draw. */
const RESULTS_SHOWN = 100;

/** Today's term and local date, refreshed at local midnight while the popup stays open. */
function useToday(): { termId: string; day: string } {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setTimeout(() => setNow(new Date()), msUntilNextLocalMidnight(now) + 50);
    return () => clearTimeout(timer);
  }, [now]);
  return { termId: termOfTheDay(ids, now), day: localDay(now) };
}

/** The day the term of the day was dismissed on, from this device's storage. */
function useDismissedDay(): [string | null | undefined, (day: string) => void] {
  const [day, setDay] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    store.loadLocalState().then(
      (state) => setDay(state.dismissedDay),
      () => setDay(null),
    );
  }, []);
  const dismiss = (today: string) => {
    setDay(today);
    void store.saveLocalState({ dismissedDay: today }).catch(() => undefined);
  };
  return [day, dismiss];
}

/** Arrow keys move between the results (and back up to the search box) as focus. */
function moveFocus(event: KeyboardEvent, list: HTMLElement | null, box: HTMLInputElement | null) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
    return;
  }
  const cards = [...(list?.querySelectorAll<HTMLElement>('.term') ?? [])];
  const at = cards.indexOf(document.activeElement as HTMLElement);
  const next = at + (event.key === 'ArrowDown' ? 1 : -1);
  event.preventDefault();
  if (next < 0) {
    box?.focus();
  } else {
    cards[Math.min(next, cards.length - 1)]?.focus();
  }
}

/** What the popup page was opened to look up: text selected on a page (`?q=`, the context menu). */
function askedFor(): string {
  return new URLSearchParams(location.search).get('q') ?? '';
}

export function App() {
  const [settings] = useSettings();
  const [query, setQuery] = useState(askedFor);
  const today = useToday();
  const [dismissedDay, dismiss] = useDismissedDay();
  const [noticeRead, setNoticeRead] = useState(false);
  const noticeWasRead = useCallback(() => setNoticeRead(true), []);
  // Busy until what it shows from storage is read: assistive technology (and the tests) can
  // tell "nothing to show" from "not read yet".
  const busy = settings === null || dismissedDay === undefined || !noticeRead;
  const tab = useActiveTab();
  const onPage = usePageTerms(tab);
  const { lookup, search } = useAllTerms();
  const todayTerm = lookup.view(today.termId);
  const results = useMemo(() => search.search(query), [search, query]);
  const searching = query.trim() !== '';
  const searchBox = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLElement>(null);
  // The user opened the popup to look something up: the search box takes the first keystroke.
  useEffect(() => searchBox.current?.focus(), []);
  const web = tab && isWebPage(tab.url) ? { ...tab, url: tab.url } : null;
  /** The PDF the tab shows in the glossary's reader, whose site's pause applies there. */
  const pdf = readerDocument(tab?.url);
  /** A page with highlights of ours: a web page or the reader. */
  const page = web ?? (tab && pdf ? tab : null);
  const site = web ? siteName(web.url) : pdf && isWebPage(pdf) ? siteName(pdf) : null;

  /** Enter on a result: show it on the page when the page has it. */
  const choose = (id: string) => {
    if (page && [...(onPage?.terms ?? []), ...(onPage?.later ?? [])].some((t) => t.id === id)) {
      void showOnPage(page, id).catch(() => undefined);
    }
  };

  return (
    <main aria-busy={busy ? 'true' : 'false'}>
      <header>
        <h1>{t('extensionName')}</h1>
        <HighlightToggle class="switch">
          <span>{t('popupHighlightSwitch')}</span>
        </HighlightToggle>
      </header>
      <RepairNotice onRead={noticeWasRead} />
      {tab?.url && looksLikePdf(tab.url) ? <PdfReaderOffer tab={{ ...tab, url: tab.url }} /> : null}
      {site ? <SitePause host={site} /> : null}
      {pdf ? (
        <p class="site" role="status">
          {t('siteReader')}
        </p>
      ) : settings && tab !== undefined ? (
        <SitePanel mode={settings.siteAccess} tab={tab} />
      ) : null}
      {page && onPage ? <OnThisPage tab={page} terms={onPage} lookup={lookup} /> : null}
      <Progress lookup={lookup} />
      <label class="search">
        <span>{t('popupSearchLabel')}</span>
        <input
          type="search"
          value={query}
          placeholder={t('popupSearchPlaceholder')}
          ref={searchBox}
          aria-describedby="search-keys"
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => moveFocus(e, list.current, searchBox.current)}
        />
        <span id="search-keys" class="hint">
          {t('popupSearchKeys')}
        </span>
      </label>
      {!searching && todayTerm && dismissedDay !== undefined && dismissedDay !== today.day ? (
        <section class="today" aria-labelledby="today-heading">
          <div class="today-head">
            <p id="today-heading" class="eyebrow">
              {t('popupTermOfTheDay')}
            </p>
            <button type="button" class="link" onClick={() => dismiss(today.day)}>
              {t('popupDismissToday')}
            </button>
          </div>
          <TermCard term={todayTerm} related={lookup.related(todayTerm)} headingLevel={2} />
        </section>
      ) : null}
      <section
        class="results"
        aria-label={t(searching ? 'popupSearchResults' : 'popupAllTerms')}
        ref={list}
        onKeyDown={(e) => {
          moveFocus(e, list.current, searchBox.current);
          const id = (e.target as HTMLElement).dataset.termId;
          if (e.key === 'Enter' && id) {
            choose(id);
          }
        }}
      >
        <p class="count" role="status">
          {resultCount(query, results.length)}
        </p>
        {results.slice(0, RESULTS_SHOWN).map((id) => {
          const term = lookup.view(id);
          return term ? (
            <TermCard
              key={id}
              term={term}
              related={lookup.related(term)}
              headingLevel={3}
              focusable
            />
          ) : null;
        })}
        {results.length > RESULTS_SHOWN ? (
          <p class="more">{t('popupMoreResults', RESULTS_SHOWN)}</p>
        ) : null}
      </section>
    </main>
  );
}
