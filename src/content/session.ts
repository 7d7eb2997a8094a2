import type { TermView } from '../glossary/schema';
import type { UserMatchTerm } from '../glossary/user-terms';
import type { Highlighter } from '../highlight/highlighter';
import type { Matcher } from '../match/matcher';
import type { Settings } from '../settings/settings';
import type { TooltipHost } from '../tooltip/contract';
import { type Interaction, watchInteraction } from './interaction';
import { lookForLateComponents } from './late-components';
import { createPageHighlighter } from './page-highlighter';
import { whenPageReady } from './page-settled';

/**
 * Everything that exists while highlighting is on in a page: the highlighter, what the reader's
 * pointer and keys do with its highlights, and the first pass once the page may be changed. One
 * signal ends all of it; `stop` also gives the page back its own text nodes.
 */
export interface HighlightSession {
  readonly highlighter: Highlighter;
  readonly interaction: Interaction;
  stop(): void;
}

export interface SessionWiring {
  readonly tooltip: TooltipHost;
  /** A shadow root the highlighter entered: our look goes in there too. */
  onShadowRoot(root: ShadowRoot): void;
  /** Highlights came or went (the badge follows). */
  onMarksChanged(): void;
  /** The terms the user knows when the session starts (the highlighter follows changes). */
  readonly known: ReadonlySet<string>;
  /** The terms of the user's own glossaries that are switched on. */
  readonly extraTerms: readonly UserMatchTerm[];
  /** Any term a highlight may carry: the course's, or an imported one. */
  termById(id: string): TermView | undefined;
  /** How the page where it runs reads its text further (the PDF reader's hyphenation). */
  readonly adaptMatcher?: (matcher: Matcher) => Matcher;
}

export function startSession(
  settings: Settings,
  body: HTMLElement,
  {
    tooltip,
    onShadowRoot,
    onMarksChanged,
    known,
    extraTerms,
    termById,
    adaptMatcher,
  }: SessionWiring,
): HighlightSession {
  const highlighter = createPageHighlighter(
    settings,
    onShadowRoot,
    onMarksChanged,
    known,
    extraTerms,
    adaptMatcher,
  );
  const stopped = new AbortController();
  const { signal } = stopped;
  const interaction = watchInteraction(
    document,
    {
      termAt: (target) =>
        highlighter.termOf(target)
          ? (highlighter.occurrenceOf(target as Element)[0] ?? null)
          : null,
      isTooltip: (target) => tooltip.contains(target),
      prepare: () => tooltip.prepare(),
      show(mark, pinned) {
        const term = termById(highlighter.termOf(mark) ?? '');
        if (term) {
          tooltip.show(term, highlighter.occurrenceOf(mark), { pinned });
        }
      },
      pin: () => tooltip.pin(),
      hide: () => tooltip.hide(),
      get isOpen() {
        return tooltip.isOpen;
      },
      get isPinned() {
        return tooltip.isPinned;
      },
      focusInside: () => tooltip.focusInside(),
    },
    signal,
  );
  whenPageReady(signal)
    .then(() => (signal.aborted ? undefined : highlighter.highlightSoon(body)))
    .then(() =>
      lookForLateComponents(() => {
        highlighter.searchShadowRoots(body).catch(() => undefined);
      }, signal),
    )
    .catch(() => undefined);
  return {
    highlighter,
    interaction,
    stop() {
      stopped.abort();
      highlighter.clear();
    },
  };
}
