import { termsById } from '../glossary/data';
import type { GlossaryTerm } from '../glossary/schema';
import { type Highlighter, removeLeftoverHighlights } from '../highlight/highlighter';
import type { Settings } from '../settings/settings';
import { loadSettings, onSettingsChanged } from '../settings/storage';
import { createTooltipHost, removeLeftoverTooltips } from '../tooltip/host';
import { watchHover } from './hover';
import { watchExtensionLife } from './lifecycle';
import { createPageHighlighter } from './page-highlighter';
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

function run(): void {
  const tooltip = createTooltipHost(document);
  /** Everything the script listens to for as long as it lives. */
  const life = new AbortController();
  /** Everything that exists while highlighting is on. */
  let session: { readonly stop: AbortController; readonly highlighter: Highlighter } | null = null;
  let stopSettings: () => void = () => undefined;

  const shadowStyles = createShadowStyles();
  const relatedOf = (term: GlossaryTerm) => term.related.flatMap((id) => termsById.get(id) ?? []);

  function switchOn(settings: Settings): void {
    if (session || !document.body) return;
    const highlighter = createPageHighlighter(settings, shadowStyles.add);
    const stop = new AbortController();
    session = { stop, highlighter };
    void highlighter.highlightSoon(document.body).then(() => lookForLateComponents(stop.signal));
    watchHover(
      document,
      {
        termAt: (target) => (highlighter.termOf(target) ? (target as Element) : null),
        isTooltip: (target) => tooltip.contains(target),
        show(mark) {
          const term = termsById.get(highlighter.termOf(mark) ?? '');
          if (term) tooltip.show(term, relatedOf(term), highlighter.occurrenceOf(mark));
        },
        hide: () => tooltip.hide(),
      },
      session.stop.signal,
    );
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
    session?.stop.abort();
    tooltip.destroy();
    session?.highlighter.clear();
    shadowStyles.removeAll();
    session = null;
  }

  /** Highlighting as the settings say: on or off, and redone when what it shows changes. */
  let shape = '';
  function apply(settings: Settings): void {
    if (!settings.enabled) {
      switchOff();
      return;
    }
    const next = `${settings.density} ${settings.everydayWords}`;
    if (shape !== next) switchOff();
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
    if (document.body) removeLeftoverHighlights(document.body);
  });
  watchExtensionLife(shutDown, life.signal);
  loadSettings()
    .then((settings) => {
      if (life.signal.aborted) return;
      guarded(() => apply(settings));
      stopSettings = onSettingsChanged((next) => guarded(() => apply(next)));
    })
    .catch((error: unknown) => console.debug('Ethical AI Glossary: not started:', error));
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
