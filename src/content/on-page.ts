import { type PageTerms, pageRequestIn } from '../messages/messages';
import type { ExtensionApi } from '../platform/page-api';
import type { DocumentTerms } from './document-terms';
import { type Direction, nextTerm, readingOrder } from './navigation';
import type { HighlightSession } from './session';

/**
 * What the page's highlights are, as the reader meets them: the popup's "On this page" list,
 * the badge's count, and the moves between terms (the shortcuts, a term chosen in the popup).
 */

/** Every highlight's first element, in reading order. */
function occurrences({ highlighter }: HighlightSession): HTMLElement[] {
  return highlighter.marks
    .filter((m) => m.isConnected && highlighter.occurrenceOf(m)[0] === m)
    .sort(readingOrder);
}

/** The page's highlighted terms, in reading order of their first highlight, with counts. */
export function termsOnPage(session: HighlightSession | null): PageTerms['terms'] {
  if (!session) {
    return [];
  }
  const counts = new Map<string, number>();
  for (const mark of occurrences(session)) {
    const id = session.highlighter.termOf(mark);
    if (id) {
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return [...counts].map(([id, count]) => ({ id, count }));
}

/** How many distinct terms the page shows: no reading order needed, so no sort. */
export function distinctTerms(session: HighlightSession | null): number {
  if (!session) {
    return 0;
  }
  const { highlighter } = session;
  return new Set(highlighter.marks.filter((m) => m.isConnected).map((m) => highlighter.termOf(m)))
    .size;
}

/** Scrolls to `target`, focuses it and opens its tooltip, pinned. */
function explain(session: HighlightSession, target: Element): void {
  // Instantly, not smoothly: no motion for readers who asked for less of it, nor a wait.
  target.scrollIntoView({ block: 'center', inline: 'nearest' });
  session.interaction.openFromKeyboard(target);
}

/** The term shortcuts: the next or previous highlighted term, focused, its tooltip open. */
export function moveToTerm(session: HighlightSession | null, direction: Direction): void {
  if (!session) {
    return;
  }
  const target = nextTerm(
    occurrences(session),
    session.interaction.current,
    direction,
    innerHeight,
  );
  if (target) {
    explain(session, target);
  }
}

/** "On this page" in the popup: a term's first highlight; false when the page has none. */
export function showTerm(session: HighlightSession | null, termId: string): boolean {
  const target = session
    ? occurrences(session).find((m) => session.highlighter.termOf(m) === termId)
    : undefined;
  if (session && target) {
    explain(session, target);
  }
  return target !== undefined;
}

/** The popup's list: the terms highlighted, and in the PDF reader those of pages not drawn. */
function pageTermsOf(session: HighlightSession | null, document: DocumentTerms | null): PageTerms {
  const terms = termsOnPage(session);
  const later = session && document?.later(session.highlighter, new Set(terms.map((t) => t.id)));
  return later ? { terms, later } : { terms };
}

/** How long a term chosen on a page not drawn yet waits for its page's highlights. */
const AWAIT_PAGE_MS = 5_000;

export interface PageRequests {
  /** Highlights came or went: a term chosen in the popup may be on the page now. */
  marksChanged(): void;
  stop(): void;
}

/**
 * Answers the popup's and the shortcuts' requests. In a web page (`readerTab` undefined) every
 * request of ours is taken; in the reader, only those addressed to its tab (none while its tab
 * is not known). Each is answered at once (null when there is nothing to say), so no sender
 * waits; any other message is left to the other listeners (in the reader, it may be for
 * another extension page). A term chosen on a page not drawn yet (`document`) is shown once
 * the highlights of its page come.
 */
export function answerPageRequests(
  runtime: Pick<ExtensionApi['runtime'], 'onMessage'>,
  readerTab: number | null | undefined,
  session: () => HighlightSession | null,
  guarded: (action: () => void) => void,
  document: () => DocumentTerms | null = () => null,
): PageRequests {
  /** The term chosen in the popup whose page is being drawn, and until when it is awaited. */
  let awaited: { termId: string; until: number } | null = null;
  function onMessage(data: unknown, _sender: unknown, respond: (response: unknown) => void) {
    const message = readerTab === null ? null : pageRequestIn(data, readerTab ?? null);
    if (!message) {
      return undefined;
    }
    let answer: PageTerms | null = null;
    if (message.type === 'move-to-term') {
      guarded(() => moveToTerm(session(), message.direction));
    } else if (message.type === 'show-term') {
      awaited = null;
      guarded(() => {
        const now = session();
        if (
          now &&
          !showTerm(now, message.termId) &&
          document()?.goTo(now.highlighter, message.termId)
        ) {
          // A page drawn much later (the reader scrolled there on their own) opens nothing.
          awaited = { termId: message.termId, until: performance.now() + AWAIT_PAGE_MS };
        }
      });
    } else {
      answer = pageTermsOf(session(), document());
    }
    respond(answer);
    return true as const;
  }
  // Returning nothing leaves a message to the other listeners; the types know only `true`.
  const listener = onMessage as (
    data: unknown,
    sender: unknown,
    respond: (response: unknown) => void,
  ) => true;
  runtime.onMessage.addListener(listener);
  return {
    marksChanged() {
      const termId = awaited && performance.now() < awaited.until ? awaited.termId : null;
      if (termId !== null) {
        guarded(() => {
          if (showTerm(session(), termId)) {
            awaited = null;
          }
        });
      }
    },
    stop: () => runtime.onMessage.removeListener(listener),
  };
}
