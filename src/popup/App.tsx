import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { glossary, termsById } from '../glossary/data';
import type { GlossaryTerm } from '../glossary/schema';
import { createSearch } from '../search/search';
import { msUntilNextLocalMidnight, termOfTheDay } from '../term-of-day/term-of-day';
import { HighlightToggle } from '../ui/HighlightToggle';
import { useSettings } from '../ui/hooks';
import { SitePanel } from './SitePanel';
import { TermCard } from './TermCard';

const ids = glossary.terms.map((t) => t.id);
const search = createSearch(glossary.terms);
const relatedOf = (t: GlossaryTerm) => t.related.flatMap((id) => termsById.get(id) ?? []);

/** Today's term, refreshed at local midnight while the popup stays open. */
function useTermOfTheDay(): GlossaryTerm | undefined {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setTimeout(() => setNow(new Date()), msUntilNextLocalMidnight(now) + 50);
    return () => clearTimeout(timer);
  }, [now]);
  return termsById.get(termOfTheDay(ids, now));
}

/** The term a tooltip's "Look up in glossary" asked for (`?term=<id>`), shown first. */
const askedFor = () => termsById.get(new URLSearchParams(location.search).get('term') ?? '');

export function App() {
  const [settings] = useSettings();
  const [query, setQuery] = useState(() => askedFor()?.term ?? '');
  const today = useTermOfTheDay();
  const results = useMemo(() => search.search(query), [query]);
  const searching = query.trim() !== '';
  const searchBox = useRef<HTMLInputElement>(null);
  // The user opened the popup to look something up: the search box takes the first keystroke.
  useEffect(() => searchBox.current?.focus(), []);

  return (
    <main>
      <header>
        <h1>Ethical AI Glossary</h1>
        <HighlightToggle class="switch">
          <span>Highlight terms on pages</span>
        </HighlightToggle>
      </header>
      {settings ? <SitePanel mode={settings.siteAccess} /> : null}
      <label class="search">
        <span>Search the glossary</span>
        <input
          type="search"
          value={query}
          placeholder="bias, DPIA, explainability…"
          ref={searchBox}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </label>
      {!searching && today ? (
        <section class="today" aria-labelledby="today-heading">
          <p id="today-heading" class="eyebrow">
            Term of the day
          </p>
          <TermCard term={today} related={relatedOf(today)} headingLevel={2} />
        </section>
      ) : null}
      <section class="results" aria-label={searching ? 'Search results' : 'All terms'}>
        <p class="count" role="status">
          {searching
            ? results.length === 0
              ? `No term matches “${query.trim()}”.`
              : `${results.length} ${results.length === 1 ? 'term' : 'terms'}`
            : `All ${results.length} terms`}
        </p>
        {results.map((id) => {
          const term = termsById.get(id);
          return term ? (
            <TermCard key={id} term={term} related={relatedOf(term)} headingLevel={3} />
          ) : null;
        })}
      </section>
    </main>
  );
}
