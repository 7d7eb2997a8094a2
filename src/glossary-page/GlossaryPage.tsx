import { useEffect, useMemo, useState } from 'preact/hooks';
import { glossary, termsById } from '../glossary/data';
import type { GlossaryTerm } from '../glossary/schema';
import { t } from '../i18n/i18n';
import type { MetRecord, Place } from '../progress/met';
import { statusOf } from '../progress/transfer';
import type { ReviewState } from '../review/cards';
import { createSearch } from '../search/search';
import { useKnown, useMet, useReview } from '../ui/hooks';
import { Notice } from '../ui/Notice';
import { RepairNotice } from '../ui/RepairNotice';
import { resultCount } from '../ui/result-count';
import { TermCard } from '../ui/TermCard';
import { Transfer } from './Transfer';

/**
 * Every term of the course on one page: its definition, category and whether the reader knows
 * it, searchable. A tooltip's "Look up in glossary" lands here on the term (`?term=<id>`).
 */

const search = createSearch(glossary.terms);
const relatedOf = (term: GlossaryTerm) => term.related.flatMap((id) => termsById.get(id) ?? []);
const asked = new URLSearchParams(location.search);

/** The local date a day number (days since 1970-01-01) stands for, as the reader writes dates. */
const dateOf = (day: number) =>
  new Date(day * 86_400_000).toLocaleDateString(undefined, { timeZone: 'UTC' });

function Status({
  term,
  known: knownTerms,
  review,
  onMark,
}: {
  term: GlossaryTerm;
  known: ReadonlyMap<string, number>;
  review: ReviewState;
  onMark: (known: boolean) => void;
}) {
  const since = knownTerms.get(term.id);
  const status = statusOf(term.id, knownTerms, review);
  const known = since !== undefined;
  return (
    <p class="entry-status">
      <span class={`status status-${status}`}>
        {since !== undefined
          ? t('glossaryKnownSince', dateOf(since))
          : t(status === 'learning' ? 'glossaryLearning' : 'glossaryNew')}
      </span>
      <button
        type="button"
        aria-label={t(known ? 'popupMarkNew' : 'glossaryMarkKnown', term.term)}
        onClick={() => onMark(!known)}
      >
        {t(known ? 'tooltipNotKnown' : 'tooltipKnow')}
      </button>
    </p>
  );
}

/** How often the reader met the term while reading, and where when they keep that. */
function Met({ record, places }: { record: MetRecord | undefined; places: readonly Place[] }) {
  return (
    <>
      <p class="met">
        {!record
          ? t('glossaryNotMet')
          : record.count === 1
            ? t('glossaryMetOnce', dateOf(record.last))
            : t('glossaryMet', record.count, dateOf(record.last))}
      </p>
      {places.length ? (
        <div class="met-in">
          <p class="label">{t('glossaryMetIn')}</p>
          <ul>
            {[...places].reverse().map((place) => (
              <li key={place.url}>
                <a href={place.url} rel="noreferrer" target="_blank">
                  {place.title}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

export function GlossaryPage() {
  const [known, mark, problem] = useKnown();
  const met = useMet();
  const review = useReview();
  const [query, setQuery] = useState(() => asked.get('q') ?? '');
  const results = useMemo(() => search.search(query), [query]);

  const ready = known !== null && met !== null && review !== null;
  // The term a tooltip asked for: brought into view and focused once the list is drawn.
  useEffect(() => {
    const id = asked.get('term');
    if (ready && id && termsById.has(id)) {
      const entry = document.getElementById(`term-${id}`);
      entry?.scrollIntoView({ block: 'start' });
      entry?.focus({ preventScroll: true });
    }
  }, [ready]);

  if (!known || !met || !review) {
    return <main class="page" aria-busy="true" />;
  }
  const knownCount = glossary.terms.filter((term) => known.has(term.id)).length;
  return (
    <main class="page" aria-busy="false">
      <h1>{t('glossaryTitle')}</h1>
      <p>{t('tooltipSource', glossary.source)}</p>
      <RepairNotice />
      <p class="progress-line">{t('popupKnownProgress', knownCount, glossary.terms.length)}</p>
      <label class="search-box">
        {t('glossarySearchLabel')}
        <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      <p class="count" role="status">
        {resultCount(query, results.length)}
      </p>
      <Notice alert>{problem}</Notice>
      {results.map((id) => {
        const term = termsById.get(id);
        return term ? (
          <TermCard key={id} term={term} related={relatedOf(term)} headingLevel={2} focusable>
            <Met record={met.met.get(id)} places={met.places.get(id) ?? []} />
            <Status
              term={term}
              known={known}
              review={review}
              onMark={(isKnown) => void mark([id], isKnown)}
            />
          </TermCard>
        ) : null;
      })}
      <Transfer />
    </main>
  );
}
