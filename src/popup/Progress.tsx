import browser from 'webextension-polyfill';
import { glossary } from '../glossary/data';
import { t } from '../i18n/i18n';
import { GLOSSARY_PAGE, REVIEW_PAGE } from '../messages/messages';
import { dueCount } from '../review/cards';
import { useKnown, useReview } from '../ui/hooks';
import { Notice } from '../ui/Notice';
import type { TermLookup } from './all-terms';

/** An extension page (the glossary, the review) in a tab of its own; the popup gives way. */
function openPage(path: string): void {
  browser.tabs.create({ url: browser.runtime.getURL(path) }).then(
    () => {
      // A real popup closes; opened as a tab (tests), it stays.
      if (!new URLSearchParams(location.search).has('tab')) {
        window.close();
      }
    },
    (error: unknown) => console.warn('Ethical AI Glossary: a page did not open:', error),
  );
}

/**
 * How far through the course's terms the reader is, in one line, and the terms they marked as
 * known (the course's, then those of their enabled glossaries), each of which can be marked as
 * not known again (it is highlighted again at once).
 */
export function Progress({ lookup }: { lookup: TermLookup }) {
  const [known, mark, problem] = useKnown();
  const review = useReview();
  if (!known || !review) {
    return null;
  }
  const due = dueCount(review, new Date(), new Set(known.keys()));
  // Only the course's terms count toward the course.
  const course = glossary.terms.filter((term) => known.has(term.id));
  const own = [...known.keys()].flatMap((id) => (id.includes('/') ? (lookup.view(id) ?? []) : []));
  const terms = [...course, ...own];
  return (
    <section class="progress" aria-labelledby="progress-line">
      <p class="progress-head">
        <span id="progress-line" class="progress-line">
          {t('popupKnownProgress', course.length, glossary.terms.length)} · {t('popupDue', due)}
        </span>
        <button type="button" class="link" onClick={() => openPage(REVIEW_PAGE)}>
          {t('popupReview')}
        </button>
        <button type="button" class="link" onClick={() => openPage(GLOSSARY_PAGE)}>
          {t('popupOpenGlossary')}
        </button>
      </p>
      {terms.length ? (
        <details>
          <summary>{t('popupKnownList')}</summary>
          <ul>
            {terms.map((term) => (
              <li key={term.id}>
                <span>{term.term}</span>
                <button
                  type="button"
                  aria-label={t('popupMarkNew', term.term)}
                  onClick={() => mark([term.id], false)}
                >
                  {t('tooltipNotKnown')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <Notice alert>{problem}</Notice>
    </section>
  );
}
