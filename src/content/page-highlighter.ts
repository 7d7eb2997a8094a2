import { glossary } from '../glossary/data';
import { createHighlighter, type Highlighter } from '../highlight/highlighter';
import { createMatcher } from '../match/matcher';
import type { Settings } from '../settings/settings';
import { createTopicCounter, TOPIC_TERM } from '../topic/topic';

/**
 * The highlighter a page gets, as the user's settings shape it: the glossary's terms plus the
 * words that only count toward the topic, everyday words held back on pages not about AI.
 * The content script and the benchmark both build it here, so the bench measures what ships.
 */

/** Every form the page is searched for: the glossary's and the topic words. */
export const pageMatcher = createMatcher([...glossary.terms, TOPIC_TERM]);
const everyday: ReadonlySet<string> = new Set(
  glossary.terms.filter((t) => t.everyday).map((t) => t.id),
);
const countOnly: ReadonlySet<string> = new Set([TOPIC_TERM.id]);

export function createPageHighlighter(
  settings: Pick<Settings, 'density' | 'everydayWords'>,
  onShadowRoot?: (root: ShadowRoot) => void,
): Highlighter {
  return createHighlighter(pageMatcher, {
    density: settings.density,
    everyday,
    countOnly,
    topic: settings.everydayWords === 'topic' ? createTopicCounter(glossary.terms) : undefined,
    onShadowRoot,
  });
}
