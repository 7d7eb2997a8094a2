import { glossary, termsById } from '../glossary/data';
import type { GlossaryTerm } from '../glossary/schema';
import { createHighlighter, removeLeftoverHighlights } from '../highlight/highlighter';
import { createMatcher } from '../match/matcher';
import { loadSettings, onSettingsChanged } from '../settings/storage';
import { createTooltipHost, removeLeftoverTooltips } from '../tooltip/host';
import { watchHover } from './hover';
import { watchExtensionLife } from './lifecycle';

/**
 * The content script: glossary -> matcher -> highlighter -> tooltip, switched on and off by the
 * user's settings. It must never throw into the page, so every entry point is guarded.
 */

// The script may be injected again into a page that already has it (a shortcut press after a
// grant, say); the isolated world keeps this flag, the page never sees it.
const flagHolder = globalThis as { __ethicalAiGlossary?: boolean };

function run(): void {
  const matcher = createMatcher(glossary.terms);
  const highlighter = createHighlighter(matcher);
  const tooltip = createTooltipHost(document);
  /** Everything the script listens to for as long as it lives. */
  const life = new AbortController();
  /** Everything that exists while highlighting is on. */
  let session: AbortController | null = null;
  let stopSettings: () => void = () => undefined;

  const relatedOf = (term: GlossaryTerm) => term.related.flatMap((id) => termsById.get(id) ?? []);

  function switchOn(): void {
    if (session || !document.body) return;
    session = new AbortController();
    void highlighter.highlightSoon(document.body);
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
      session.signal,
    );
  }

  function switchOff(): void {
    session?.abort();
    session = null;
    tooltip.destroy();
    highlighter.clear();
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
      guarded(() => (settings.enabled ? switchOn() : switchOff()));
      stopSettings = onSettingsChanged((next) =>
        guarded(() => (next.enabled ? switchOn() : switchOff())),
      );
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
