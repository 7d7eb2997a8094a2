import { glossary, termsById } from '../glossary/data';
import type { TermView } from '../glossary/schema';
import { withOtherDefinitions } from '../glossary/user-terms';
import { removeLeftoverHighlights } from '../highlight/wrap';
import { translator } from '../i18n/translate';
import {
  asTabSite,
  type LoadTooltipRequest,
  type OpenEntryMessage,
  type TabSiteRequest,
} from '../messages/messages';
import type { ExtensionApi } from '../platform/page-api';
import { saveInBackground } from '../progress/in-background';
import { dayOf } from '../progress/known';
import { placeUrl } from '../progress/met';
import { isPaused, type Settings } from '../settings/settings';
import { createStorage } from '../settings/storage';
import { createTooltipHost, removeLeftoverTooltips } from '../tooltip/host';
import { tooltipUiLoader } from '../tooltip/loader';
import { saveProblemText } from '../ui/save-problem';
import { createBadge } from './badge';
import type { DocumentTerms } from './document-terms';
import type { HostPage } from './host-page';
import { watchExtensionLife } from './lifecycle';
import { answerPageRequests, distinctTerms } from './on-page';
import { pageGlossaries } from './page-glossaries';
import { type HighlightSession, startSession } from './session';
import { createShadowStyles } from './shadow-styles';

/**
 * The content script's wiring: glossary -> matcher -> highlighter -> tooltip, switched on and
 * off by the user's settings, answering the popup and the shortcuts, and gone with the
 * extension. It must never throw into the page, so every entry point is guarded. Everything
 * it starts ends with one signal: `shutDown` leaves no listener, observer or timer behind.
 */

export interface ContentScript {
  /** The extension went away: leave the page exactly as it was and stop everything. */
  shutDown(): void;
}

function quietly(action: () => void): void {
  try {
    action();
  } catch {
    // Nothing more we can safely do on this page.
  }
}

export function startContentScript(
  api: ExtensionApi,
  onShutDown: () => void,
  host?: HostPage,
): ContentScript {
  const {
    loadSettings,
    onSettingsChanged,
    loadKnown,
    onKnownChanged,
    loadGlossaries,
    onGlossariesChanged,
  } = createStorage(api.storage, { repair: false });
  /** Only the top frame speaks for the tab (its badge, its list in the popup). */
  const isTopFrame = window === window.top;
  /** Everything the script starts, for as long as it lives. */
  const life = new AbortController();
  let session: HighlightSession | null = null;
  /** The terms the user knows, as last read or marked here. */
  let known: ReadonlySet<string> = new Set();
  let settingsNow: Settings | null = null;
  const glossaries = pageGlossaries(loadGlossaries);
  const termById = (id: string): TermView | undefined =>
    withOtherDefinitions(termsById.get(id) ?? glossaries.terms.byId.get(id), glossaries.terms);

  /** The user's known terms changed (here, on another tab, on another device). */
  function learn(next: ReadonlySet<string>): void {
    const same = next.size === known.size && [...next].every((id) => known.has(id));
    known = next;
    if (!same) {
      session?.highlighter.setKnown(next);
    }
  }

  /** Terms read on this page: each counts as met once a page. */
  const metHere = new Set<string>();
  function met(termId: string): void {
    if (metHere.has(termId)) {
      return;
    }
    metHere.add(termId);
    const url = settingsNow?.whereMet ? placeUrl(host?.address ?? location.href) : null;
    const place = url ? { title: document.title.trim() || url, url, day: dayOf(new Date()) } : null;
    saveInBackground(send, { type: 'mark-met', termId, place }).catch((error: unknown) =>
      console.debug('Ethical AI Glossary: a met term was not counted:', error),
    );
  }

  // Reaching api.i18n sets up the browser's i18n binding in this page: only a tooltip needs it.
  const t = translator({
    getMessage: (key, substitutions) => api.i18n.getMessage(key, substitutions),
  });
  const send = (message: unknown) => api.runtime.sendMessage(message);
  const tooltip = createTooltipHost(document, {
    termById,
    source: glossary.source,
    t,
    isKnown: (id) => known.has(id),
    knownStayFaint: () => settingsNow?.knownTerms === 'faint',
    async setKnown(term, isKnown) {
      try {
        await saveInBackground(send, { type: 'mark-known', termIds: [term.id], known: isKnown });
      } catch (error) {
        return saveProblemText(error, t);
      }
      // This page follows at once; the others when the browser tells them of the change.
      const next = new Set(known);
      if (isKnown) {
        next.add(term.id);
      } else {
        next.delete(term.id);
      }
      guarded(() => learn(next));
      return null;
    },
    // Imported terms are met too: the review asks for them as for the course's.
    onRead: (term) => met(term.id),
    loadUi: host
      ? () => host.loadTooltipUi().catch(() => null)
      : tooltipUiLoader(() => send({ type: 'load-tooltip' } satisfies LoadTooltipRequest)),
    onLookUp(term) {
      send({ type: 'open-entry', termId: term.id } satisfies OpenEntryMessage).catch(
        () => undefined,
      );
    },
    onClosed: () => session?.interaction.closed(),
  });
  const shadowStyles = createShadowStyles();
  const badge = createBadge(() => distinctTerms(session), send, life.signal);
  const reportSoon = () => {
    if (isTopFrame) {
      badge.reportSoon();
    }
  };

  function switchOn(settings: Settings): void {
    if (session || !document.body) {
      return;
    }
    session = startSession(settings, document.body, {
      tooltip,
      onShadowRoot: shadowStyles.add,
      onMarksChanged() {
        reportSoon();
        requests.marksChanged();
      },
      known,
      extraTerms: glossaries.terms.extra,
      termById,
      adaptMatcher: host?.adaptMatcher,
    });
  }

  function switchOff(): void {
    if (session) {
      reportSoon();
    }
    session?.stop();
    tooltip.destroy();
    shadowStyles.removeAll();
    session = null;
  }

  /**
   * The site the tab shows, for a frame whose own site may differ: pausing it pauses its frames
   * too. Null in the top frame, whose own site is the tab's.
   */
  let tabSite: string | null = null;
  /** What the highlights look like and which are made: a change redoes them. */
  let shape = '';

  /** Highlighting as the last settings read say (the glossaries came or changed). */
  function applyLatest(): void {
    if (settingsNow && !life.signal.aborted) {
      const latest = settingsNow;
      guarded(() => apply(latest));
    }
  }

  /** Highlighting as the settings say: on or off, and redone when what it shows changes. */
  function apply(settings: Settings): void {
    settingsNow = settings;
    // The badge setting may have changed: say the count again, whatever it was.
    badge.forget();
    reportSoon();
    const paused = (site: string | null) => site !== null && isPaused(settings.pausedSites, site);
    if (
      !settings.enabled ||
      paused(host ? new URL(host.address).hostname : location.hostname) ||
      paused(tabSite)
    ) {
      switchOff();
      return;
    }
    // The highlights wait for the user's glossaries, read when a page first needs them.
    if (!glossaries.ready(applyLatest)) {
      return;
    }
    const next = `${settings.density} ${settings.everydayWords} ${settings.highlightStyle} ${settings.knownTerms} ${settings.courseTerms} ${glossaries.version}`;
    if (shape !== next) {
      switchOff();
    }
    shape = next;
    switchOn(settings);
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

  function shutDown(): void {
    if (life.signal.aborted) {
      return;
    }
    quietly(switchOff);
    life.abort();
    onShutDown();
  }

  /** The site of the tab this frame is in, as the background sees it; null when it cannot tell. */
  const askTabSite = (): Promise<string | null> =>
    send({ type: 'tab-site' } satisfies TabSiteRequest).then(
      (answer) => asTabSite(answer).host,
      () => null,
    );

  quietly(() => {
    removeLeftoverTooltips(document);
    if (document.body) {
      removeLeftoverHighlights(document.body);
    }
  });
  watchExtensionLife(api.runtime, shutDown, life.signal);
  /** The terms of the document's pages not drawn yet, once it is open (the PDF reader). */
  let pages: DocumentTerms | null = null;
  const listAgain = () => {
    // The pages are read: the popup, if open, asks again for the list, which has them now.
    badge.forget();
    reportSoon();
  };
  host?.documentTerms?.(listAgain).then(
    (terms) => (pages = terms),
    () => undefined,
  );
  const requests = answerPageRequests(
    api.runtime,
    host ? host.tabId : undefined,
    () => session,
    guarded,
    () => pages,
  );
  life.signal.addEventListener('abort', () => quietly(requests.stop), { once: true });
  Promise.all([
    loadSettings(),
    // Unreadable progress costs the page nothing: every term is highlighted, as for a new user.
    loadKnown().catch(() => new Map<string, number>()),
    isTopFrame ? null : askTabSite(),
  ])
    .then(([settings, knownTerms, site]) => {
      tabSite = site;
      known = new Set(knownTerms.keys());
      if (life.signal.aborted) {
        return;
      }
      guarded(() => apply(settings));
      const stopSettings = onSettingsChanged((next) => guarded(() => apply(next)));
      const stopKnown = onKnownChanged((next) => guarded(() => learn(new Set(next.keys()))));
      const stopGlossaries = onGlossariesChanged((next) =>
        guarded(() => glossaries.take(next, applyLatest)),
      );
      life.signal.addEventListener(
        'abort',
        () => {
          quietly(stopSettings);
          quietly(stopKnown);
          quietly(stopGlossaries);
        },
        { once: true },
      );
    })
    .catch((error: unknown) => console.debug('Ethical AI Glossary: not started:', error));
  return { shutDown };
}
