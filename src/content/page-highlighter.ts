import { glossary } from '../glossary/data';
import type { UserMatchTerm } from '../glossary/user-terms';
import { createHighlighter, type Highlighter, type PageReading } from '../highlight/highlighter';
import { createMatcher, type Matcher } from '../match/matcher';
import type { Settings } from '../settings/settings';
import { createSenseCounter } from '../topic/senses';
import { createTopicCounter, DOMAIN_TERM } from '../topic/topic';
import pagePattern from './page-pattern.txt?raw';
import { pageTerms, senseTerms } from './page-terms';

/**
 * The highlighter a page gets, as the user's settings shape it: the glossary's terms plus the
 * words that only count toward the topic or another sense of a word, everyday words held back
 * on pages outside the course's domain and on pages that use them in another sense.
 * The content script and the benchmark both build it here, so the bench measures what ships.
 */

/**
 * The page's matcher, with its combined pattern built ahead (page-pattern.txt): working it
 * out from the forms would cost every page a few milliseconds before anything is read.
 */
const pageMatcher = createMatcher(pageTerms, { pattern: pagePattern });
const everyday: ReadonlySet<string> = new Set(
  glossary.terms.filter((t) => t.everyday).map((t) => t.id),
);
const countOnly: ReadonlySet<string> = new Set([DOMAIN_TERM.id, ...senseTerms.map((t) => t.id)]);
/** With the course's glossary switched off its terms are only counted, as the topic words are. */
const courseCountOnly = (): ReadonlySet<string> =>
  new Set([...countOnly, ...glossary.terms.map((t) => t.id)]);

/** The topic (unless everyday words are wanted everywhere) and the senses, counted together. */
function pageReading(everydayWords: Settings['everydayWords']): PageReading {
  const topic = everydayWords === 'topic' ? createTopicCounter(glossary.terms) : null;
  const senses = createSenseCounter();
  return {
    addText: (length) => topic?.addText(length),
    addMatch: (termId) => {
      topic?.addMatch(termId);
      senses.addMatch(termId);
    },
    get inDomain() {
      return topic?.inDomain ?? true;
    },
    usesOtherSense: senses.usesOtherSense,
  };
}

export function createPageHighlighter(
  settings: Pick<Settings, 'density' | 'everydayWords'> &
    Partial<Pick<Settings, 'highlightStyle' | 'knownTerms' | 'courseTerms'>>,
  onShadowRoot?: (root: ShadowRoot) => void,
  onMarksChanged?: () => void,
  known?: ReadonlySet<string>,
  extraTerms: readonly UserMatchTerm[] = [],
  adaptMatcher: (matcher: Matcher) => Matcher = (matcher) => matcher,
): Highlighter {
  // The user's own glossaries join the course's terms in one matcher; the course's terms come
  // first, so a form both have stays the course's. Only then is a pattern built on the page.
  const matcher = adaptMatcher(
    extraTerms.length ? createMatcher([...pageTerms, ...extraTerms]) : pageMatcher,
  );
  const everydayIds = extraTerms.some((t) => t.everyday)
    ? new Set([...everyday, ...extraTerms.filter((t) => t.everyday).map((t) => t.id)])
    : everyday;
  return createHighlighter(matcher, {
    known,
    knownLook: settings.knownTerms,
    density: settings.density,
    everyday: everydayIds,
    countOnly: settings.courseTerms === false ? courseCountOnly() : countOnly,
    reading: pageReading(settings.everydayWords),
    look: settings.highlightStyle === 'underline' ? undefined : settings.highlightStyle,
    onShadowRoot,
    onMarksChanged,
  });
}
