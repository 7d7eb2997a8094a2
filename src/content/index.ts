import { glossary, termsById } from '../glossary/data';
import { type Highlighter, removeLeftoverHighlights } from '../highlight/highlighter';
import { translator } from '../i18n/translate';
import {
  asMessage,
  asTabSite,
  type LoadTooltipRequest,
  type OpenEntryMessage,
  type PageTerms,
  type TabSiteRequest,
  type TermsOnPageMessage,
} from '../messages/messages';
import { pageApi } from '../platform/page-api';
import { isPaused, type Settings } from '../settings/settings';
import { createStorage } from '../settings/storage';
import { createTooltipHost, removeLeftoverTooltips } from '../tooltip/host';
import { tooltipUiLoader } from '../tooltip/loader';
import { type Interaction, watchInteraction } from './interaction';
import { watchExtensionLife } from './lifecycle';
import { type Direction, nextTerm, readingOrder } from './navigation';
import { createPageHighlighter } from './page-highlighter';
import { whenPageSettled } from './page-settled';
import { createShadowStyles } from './shadow-styles';

/**
 * The content script: glossary -> matcher -> highlighter -> tooltip, switched on and off by the
 * user's settings. It must never throw into the page, so every entry point is guarded.
 */

// The script may be injected again into a page that already has it (a shortcut press after a
// grant, say); the isolated world keeps this flag, the page never sees it.
const flagHolder = globalThis as { __ethicalAiGlossary?: boolean };

/** How long after the page's load event the last look for late web components waits. */
const SETTLED_MS = 2000;
/** Highlights change in bursts (a page's first pass, a feed): the badge follows once they calm. */
const BADGE_DELAY_MS = 300;
/** Only the top frame speaks for the tab (its badge, its list in the popup). */
const isTopFrame = window === window.top;

function run(): void {
  const { loadSettings, onSettingsChanged } = createStorage(pageApi.storage);
  /** Everything the script listens to for as long as it lives. */
  const life = new AbortController();
  /** Everything that exists while highlighting is on. */
  let session: {
    readonly stop: AbortController;
    readonly highlighter: Highlighter;
    readonly interaction: Interaction;
  } | null = null;
  let stopSettings: () => void = () => undefined;

  const tooltip = createTooltipHost(document, {
    termById: (id) => termsById.get(id),
    source: glossary.source,
    t: translator(pageApi.i18n),
    loadUi: tooltipUiLoader(() => {
      const request: LoadTooltipRequest = { type: 'load-tooltip' };
      return pageApi.runtime.sendMessage(request);
    }),
    onLookUp(term) {
      const message: OpenEntryMessage = { type: 'open-entry', termId: term.id };
      void pageApi.runtime.sendMessage(message).catch(() => undefined);
    },
    onClosed: () => session?.interaction.closed(),
  });
  const shadowStyles = createShadowStyles();

  /** The page's highlighted terms, in reading order of their first highlight, with counts. */
  function termsOnPage(): PageTerms['terms'] {
    const counts = new Map<string, number>();
    for (const mark of occurrences()) {
      const id = session?.highlighter.termOf(mark);
      if (id) {
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
    return [...counts].map(([id, count]) => ({ id, count }));
  }

  /** Tells the background how many distinct terms the tab shows, when that number changes. */
  let told = -1;
  let badgeTimer: ReturnType<typeof setTimeout> | undefined;
  function reportSoon(): void {
    if (!isTopFrame) {
      return;
    }
    clearTimeout(badgeTimer);
    badgeTimer = setTimeout(() => {
      // Distinct terms only: no need for reading order, which costs a sort of every highlight.
      const highlighter = session?.highlighter;
      const count = highlighter
        ? new Set(highlighter.marks.filter((m) => m.isConnected).map((m) => highlighter.termOf(m)))
            .size
        : 0;
      if (count === told) {
        return;
      }
      told = count;
      const message: TermsOnPageMessage = { type: 'terms-on-page', count };
      void pageApi.runtime.sendMessage(message).catch(() => undefined);
    }, BADGE_DELAY_MS);
  }

  function switchOn(settings: Settings): void {
    if (session || !document.body) {
      return;
    }
    const highlighter = createPageHighlighter(settings, shadowStyles.add, reportSoon);
    const stop = new AbortController();
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
          const term = termsById.get(highlighter.termOf(mark) ?? '');
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
      stop.signal,
    );
    session = { stop, highlighter, interaction };
    void whenPageSettled(stop.signal)
      .then(() => {
        if (stop.signal.aborted || !document.body) {
          return;
        }
        return highlighter.highlightSoon(document.body);
      })
      .then(() => lookForLateComponents(stop.signal));
  }

  /** Every highlight's first element, in reading order. */
  function occurrences(): HTMLElement[] {
    if (!session) {
      return [];
    }
    const { highlighter } = session;
    return highlighter.marks
      .filter((m) => m.isConnected && highlighter.occurrenceOf(m)[0] === m)
      .sort(readingOrder);
  }

  /** Scrolls to `target`, focuses it and opens its tooltip, pinned. */
  function explain(target: Element): void {
    // Instantly, not smoothly: no motion for readers who asked for less of it, nor a wait.
    target.scrollIntoView({ block: 'center', inline: 'nearest' });
    session?.interaction.openFromKeyboard(target);
  }

  /** The term shortcuts: the next or previous highlighted term, focused, its tooltip open. */
  function moveToTerm(direction: Direction): void {
    if (!session) {
      return;
    }
    const target = nextTerm(occurrences(), session.interaction.current, direction, innerHeight);
    if (target) {
      explain(target);
    }
  }

  /** "On this page" in the popup: a term's first highlight. */
  function showTerm(termId: string): void {
    const target = occurrences().find((m) => session?.highlighter.termOf(m) === termId);
    if (target) {
      explain(target);
    }
  }

  /**
   * Web components whose scripts run after the first pass (async scripts, a bundle that
   * defines its elements on load) attach shadow roots to elements already read, and no DOM
   * change says so: look again when the page has loaded (if it had not yet), and once more
   * when it has settled.
   */
  function lookForLateComponents(signal: AbortSignal): void {
    const look = () => {
      if (!signal.aborted && document.body) {
        void session?.highlighter.searchShadowRoots(document.body);
      }
    };
    const settled = () => setTimeout(look, SETTLED_MS);
    if (document.readyState === 'complete') {
      settled();
      return;
    }
    const loaded = () => {
      look();
      settled();
    };
    window.addEventListener('load', loaded, { once: true, signal });
  }

  function switchOff(): void {
    if (session) {
      reportSoon();
    }
    session?.stop.abort();
    tooltip.destroy();
    session?.highlighter.clear();
    shadowStyles.removeAll();
    session = null;
  }

  /**
   * The site the tab shows, for a frame whose own site may differ: pausing it pauses its frames
   * too. Null in the top frame, whose own site is the tab's.
   */
  let tabSite: string | null = null;

  /** Highlighting as the settings say: on or off, and redone when what it shows changes. */
  let shape = '';
  function apply(settings: Settings): void {
    // The badge setting may have changed: say the count again, whatever it was.
    told = -1;
    reportSoon();
    const paused = (host: string | null) => host !== null && isPaused(settings.pausedSites, host);
    if (!settings.enabled || paused(location.hostname) || paused(tabSite)) {
      switchOff();
      return;
    }
    const next = `${settings.density} ${settings.everydayWords} ${settings.highlightStyle}`;
    if (shape !== next) {
      switchOff();
    }
    shape = next;
    switchOn(settings);
  }

  /** The extension went away: leave the page exactly as it was and stop listening. */
  function shutDown(): void {
    quietly(switchOff);
    quietly(stopSettings);
    life.abort();
    flagHolder.__ethicalAiGlossary = false;
  }

  function guarded(action: () => void): void {
    try {
      action();
    } catch (error) {
      // A page we cannot handle stays as it was; the error stays in our own console.
      quietly(switchOff);
      console.debug('Ethical AI Glossary: left this page untouched:', error);
    }
  }

  quietly(() => {
    removeLeftoverTooltips(document);
    if (document.body) {
      removeLeftoverHighlights(document.body);
    }
  });
  watchExtensionLife(shutDown, life.signal);
  // Every message is answered at once (null when there is nothing to say), so no sender waits.
  const onMessage = (data: unknown, _sender: unknown, respond: (response: unknown) => void) => {
    const message = asMessage(data);
    let answer: PageTerms | null = null;
    if (message?.type === 'move-to-term') {
      guarded(() => moveToTerm(message.direction));
    } else if (message?.type === 'show-term') {
      guarded(() => showTerm(message.termId));
    } else if (message?.type === 'page-terms') {
      answer = { terms: termsOnPage() };
    }
    respond(answer);
    return true as const;
  };
  pageApi.runtime.onMessage.addListener(onMessage);
  life.signal.addEventListener(
    'abort',
    () => quietly(() => pageApi.runtime.onMessage.removeListener(onMessage)),
    { once: true },
  );
  Promise.all([loadSettings(), isTopFrame ? null : askTabSite()])
    .then(([settings, site]) => {
      tabSite = site;
      if (life.signal.aborted) {
        return;
      }
      guarded(() => apply(settings));
      stopSettings = onSettingsChanged((next) => guarded(() => apply(next)));
    })
    .catch((error: unknown) => console.debug('Ethical AI Glossary: not started:', error));
}

/** The site of the tab this frame is in, as the background sees it; null when it cannot tell. */
function askTabSite(): Promise<string | null> {
  const request: TabSiteRequest = { type: 'tab-site' };
  return pageApi.runtime.sendMessage(request).then(
    (answer) => asTabSite(answer).host,
    () => null,
  );
}

function quietly(action: () => void): void {
  try {
    action();
  } catch {
    // Nothing more we can safely do on this page.
  }
}

if (!flagHolder.__ethicalAiGlossary) {
  flagHolder.__ethicalAiGlossary = true;
  run();
}
