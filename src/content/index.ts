import { glossary, termsById } from '../glossary/data';
import type { GlossaryTerm } from '../glossary/schema';
import { createHighlighter } from '../highlight/highlighter';
import { createMatcher } from '../match/matcher';
import { loadSettings, onSettingsChanged } from '../settings/storage';
import { createTooltipHost } from '../tooltip/host';
import { watchHover } from './hover';

/**
 * The content script: glossary -> matcher -> highlighter -> tooltip, switched on and off by the
 * user's settings. It must never throw into the page, so every entry point is guarded.
 */

const matcher = createMatcher(glossary.terms);
const highlighter = createHighlighter(matcher);
const tooltip = createTooltipHost(document);
let session: AbortController | null = null;

function relatedOf(term: GlossaryTerm): GlossaryTerm[] {
  return term.related.flatMap((id) => termsById.get(id) ?? []);
}

function switchOn(): void {
  if (session || !document.body) return;
  session = new AbortController();
  highlighter.highlight(document.body);
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

function guarded(action: () => void): void {
  try {
    action();
  } catch (error) {
    // A page we cannot handle stays as it was; the error stays in our own console.
    switchOffQuietly();
    console.debug('Ethical AI Glossary: left this page untouched:', error);
  }
}

function switchOffQuietly(): void {
  try {
    switchOff();
  } catch {
    // Nothing more we can safely do on this page.
  }
}

async function start(): Promise<void> {
  const settings = await loadSettings();
  guarded(() => (settings.enabled ? switchOn() : switchOff()));
  onSettingsChanged((next) => guarded(() => (next.enabled ? switchOn() : switchOff())));
}

start().catch((error: unknown) => console.debug('Ethical AI Glossary: not started:', error));
