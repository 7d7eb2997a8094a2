import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { canRead, removeHost, requestSites } from '../access/access';
import { isWebPage, siteName, sitePatterns } from '../access/patterns';
import { injectInto } from '../access/scripts';
import type { SiteAccessMode } from '../settings/settings';

interface ActiveTab {
  id: number;
  url: string | undefined;
}

/**
 * The tab the popup is about. Opened from the toolbar, that is the active tab, whose address
 * activeTab lets us read. Opened as a page by extension code (the end-to-end tests; web pages
 * cannot open it) with `?tab=<id>&url=<address>`, that tab: without activeTab the browser
 * hides its address, so the opener names it.
 */
async function activeTab(): Promise<ActiveTab | null> {
  const params = new URLSearchParams(location.search);
  const requested = Number(params.get('tab'));
  if (Number.isInteger(requested) && requested > 0) {
    const tab = await browser.tabs.get(requested);
    return { id: requested, url: tab.url ?? params.get('url') ?? undefined };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined ? { id: tab.id, url: tab.url } : null;
}

type State =
  | { kind: 'loading' }
  | { kind: 'not-web' }
  | { kind: 'granted'; tab: ActiveTab; host: string }
  | { kind: 'not-granted'; tab: ActiveTab; host: string }
  | { kind: 'highlighted-once'; host: string }
  | { kind: 'failed'; host: string };

/** Highlights the tab once through activeTab: this page, this time. */
function highlightOnce(tab: ActiveTab, host: string, setState: (state: State) => void) {
  return injectInto(tab.id).then(
    () => setState({ kind: 'highlighted-once', host }),
    () => setState({ kind: 'failed', host }),
  );
}

/** What the extension may do on the page in front of the user, and the one-click ways to change it. */
export function SitePanel({ mode }: { mode: SiteAccessMode }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    const check = async () => {
      const tab = await activeTab();
      if (!tab || !isWebPage(tab.url)) return setState({ kind: 'not-web' });
      const host = siteName(tab.url);
      if (await canRead(tab.url)) return setState({ kind: 'granted', tab, host });
      setState({ kind: 'not-granted', tab, host });
      // Opening the toolbar button is the request itself in this mode: this page, this time.
      if (mode === 'click') await highlightOnce(tab, host, setState);
    };
    check().catch((error: unknown) => {
      console.warn('Ethical AI Glossary: cannot tell what this tab is:', error);
      setState({ kind: 'not-web' });
    });
  }, [mode]);

  const options = (
    <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
      Site access options
    </button>
  );

  switch (state.kind) {
    case 'loading':
      return null;
    case 'not-web':
      return (
        <p class="site" role="status">
          Terms are highlighted on web pages (http and https), not on this one. {options}
        </p>
      );
    case 'highlighted-once':
      return (
        <p class="site" role="status">
          Highlighted <strong>{state.host}</strong> on this page, this time. {options}
        </p>
      );
    case 'failed':
      return (
        <p class="site" role="status">
          The browser does not let extensions change this page of <strong>{state.host}</strong>.{' '}
          {options}
        </p>
      );
    case 'granted':
      return (
        <p class="site" role="status">
          Highlighting on <strong>{state.host}</strong>.{' '}
          {mode === 'chosen' ? (
            <button
              type="button"
              onClick={() =>
                void removeHost(state.host).then(() => setState({ ...state, kind: 'not-granted' }))
              }
            >
              Stop on this site
            </button>
          ) : null}{' '}
          {options}
        </p>
      );
    case 'not-granted': {
      const { tab, host } = state;
      return (
        <div class="site" role="status">
          <p>
            {mode === 'all'
              ? `Your browser's settings do not let the extension read ${host}, so nothing there is read or highlighted.`
              : `${host} is not one of the sites you chose, so nothing there is read or highlighted.`}
          </p>
          <p class="actions">
            <button
              type="button"
              onClick={() => {
                const patterns = sitePatterns(tab.url ?? '');
                // Straight from the click: the browser only asks while the gesture is fresh.
                if (patterns)
                  void requestSites(patterns).then(
                    (ok) => ok && setState({ kind: 'granted', tab, host }),
                  );
              }}
            >
              Highlight on {host}
            </button>{' '}
            <button type="button" onClick={() => void highlightOnce(tab, host, setState)}>
              Just this page
            </button>{' '}
            {options}
          </p>
        </div>
      );
    }
  }
}
