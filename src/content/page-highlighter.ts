import { glossary } from '../glossary/data';
import type { UserMatchTerm } from '../glossary/user-terms';
import { createHighlighter, type Highlighter, type PageReading } from '../highlight/highlighter';
import {
  createMatcher,
  type MatchableTerm,
  type Matcher,
  matcherBuild,
  normalizeForm,
} from '../match/matcher';
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
 * out from the forms would cost every page a few milliseconds before anything is read. Made
 * when the page first highlights, not when the script loads: a page that never highlights
 * (paused, switched off, a frame with nothing to read) never pays for its table of forms.
 */
let shared: Matcher | undefined;
const pageMatcher = () => (shared ??= createMatcher(pageTerms, { pattern: pagePattern }));
const everyday: ReadonlySet<string> = new Set(
  glossary.terms.filter((t) => t.everyday).map((t) => t.id),
);
const senseTermIds: ReadonlySet<string> = new Set(senseTerms.map((t) => t.id));
const countOnly: ReadonlySet<string> = new Set([DOMAIN_TERM.id, ...senseTermIds]);
/** With the course's glossary switched off its terms are only counted, as the topic words are. */
const courseCountOnly = (): ReadonlySet<string> =>
  new Set([...countOnly, ...glossary.terms.map((t) => t.id)]);

const NO_SENSES_TAKEN: ReadonlyMap<string, string> = new Map();

/**
 * The user's terms whose form the course lists as another sense of one of its words ("inductive
 * bias"): each by its id, with that sense's. The user asked for that term, so it is found as
 * theirs; the page still counts as using the word in that sense.
 */
function sensesTaken(extraTerms: readonly UserMatchTerm[]): ReadonlyMap<string, string> {
  if (!extraTerms.length) {
    return NO_SENSES_TAKEN;
  }
  const senseOfForm = new Map(
    senseTerms.flatMap((s) => s.forms.map((f) => [normalizeForm(f), s.id] as const)),
  );
  const taken = new Map<string, string>();
  for (const t of extraTerms) {
    const sense = t.forms.map((f) => senseOfForm.get(normalizeForm(f))).find(Boolean);
    if (sense) {
      taken.set(t.id, sense);
    }
  }
  return taken;
}

/** The topic (unless everyday words are wanted everywhere) and the senses, counted together. */
function pageReading(
  everydayWords: Settings['everydayWords'],
  senseOf: ReadonlyMap<string, string>,
): PageReading {
  const topic = everydayWords === 'topic' ? createTopicCounter(glossary.terms) : null;
  const senses = createSenseCounter();
  return {
    addText: (length) => topic?.addText(length),
    addMatch: (termId) => {
      topic?.addMatch(termId);
      senses.addMatch(senseOf.get(termId) ?? termId);
    },
    get inDomain() {
      return topic?.inDomain ?? true;
    },
    usesOtherSense: senses.usesOtherSense,
  };
}

/**
 * The terms a page with the user's glossaries matches: the course's terms come first, so a form
 * both have stays the course's, but a term of the user's comes before the other senses of the
 * course's words.
 */
function matchedTerms(
  extraTerms: readonly UserMatchTerm[],
  senseOf: ReadonlyMap<string, string>,
): MatchableTerm[] {
  return [
    ...pageTerms.filter((t) => !senseTermIds.has(t.id)),
    ...extraTerms.filter((t) => senseOf.has(t.id)),
    ...senseTerms,
    ...extraTerms.filter((t) => !senseOf.has(t.id)),
  ];
}

/** What `prepareMatcher` worked out ahead for the user's terms, by the list it was for. */
const prepared = new WeakMap<
  readonly UserMatchTerm[],
  { readonly matcher: Matcher; readonly senseOf: ReadonlyMap<string, string> }
>();

/**
 * Builds the matcher of a page with `extraTerms`, a slice at a time through `inSlices`, before
 * its highlighter is made: with thousands of terms of the user's, building it in one go is a
 * task of over 100 ms on every page. Resolves once built (or at once when there is nothing to
 * build); the highlighter then takes it as it is.
 */
export function prepareMatcher(
  extraTerms: readonly UserMatchTerm[],
  inSlices: (step: (more: () => boolean) => boolean) => Promise<void>,
): Promise<void> {
  if (!extraTerms.length || prepared.has(extraTerms)) {
    return Promise.resolve();
  }
  const senseOf = sensesTaken(extraTerms);
  const build = matcherBuild(matchedTerms(extraTerms, senseOf));
  let done = false;
  return inSlices((more) => (done = build.step(more))).then(() => {
    // A queue cleared before the end leaves it half built: the highlighter builds its own.
    if (done) {
      prepared.set(extraTerms, { matcher: build.matcher(), senseOf });
    }
  });
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
  // The user's own glossaries join the course's terms in one matcher.
  const ahead = prepared.get(extraTerms);
  const senseOf = ahead?.senseOf ?? sensesTaken(extraTerms);
  const matcher = adaptMatcher(
    extraTerms.length
      ? (ahead?.matcher ?? createMatcher(matchedTerms(extraTerms, senseOf)))
      : pageMatcher(),
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
    reading: pageReading(settings.everydayWords, senseOf),
    look: settings.highlightStyle === 'underline' ? undefined : settings.highlightStyle,
    onShadowRoot,
    onMarksChanged,
  });
}
