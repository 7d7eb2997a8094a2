import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { canRead, removeHost, requestSites } from '../access/access';
import { isWebPage, siteName, sitePatterns } from '../access/patterns';
import { injectInto } from '../access/scripts';
import { t } from '../i18n/i18n';
import type { SiteAccessMode } from '../settings/settings';
import { Emphasised } from '../ui/Emphasised';
import { Notice } from '../ui/Notice';
import type { ActiveTab } from './active-tab';

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
export function SitePanel({ mode, tab }: { mode: SiteAccessMode; tab: ActiveTab | null }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  /** What went wrong with the last button, said beside the panel; empty when nothing. */
  const [problem, setProblem] = useState('');

  useEffect(() => {
    const check = async () => {
      if (!tab || !isWebPage(tab.url)) {
        return setState({ kind: 'not-web' });
      }
      const host = siteName(tab.url);
      if (await canRead(tab.url)) {
        return setState({ kind: 'granted', tab, host });
      }
      setState({ kind: 'not-granted', tab, host });
      // Opening the toolbar button is the request itself in this mode: this page, this time.
      if (mode === 'click') {
        await highlightOnce(tab, host, setState);
      }
    };
    check().catch((error: unknown) => {
      console.warn('Ethical AI Glossary: cannot tell what this tab is:', error);
      setState({ kind: 'not-web' });
    });
  }, [mode, tab]);

  const options = (
    <button
      type="button"
      class="link"
      onClick={() =>
        browser.runtime.openOptionsPage().catch(() => setProblem(t('optionsCannotOpen')))
      }
    >
      {t('siteOptions')}
    </button>
  );
  const body = panel();
  return (
    <>
      {body}
      <Notice alert>{problem}</Notice>
    </>
  );

  function panel() {
    switch (state.kind) {
      case 'loading':
        return null;
      case 'not-web':
        return (
          <p class="site" role="status">
            {t('siteNotWeb')} {options}
          </p>
        );
      case 'highlighted-once':
        return (
          <p class="site" role="status">
            <Emphasised text={t('siteHighlightedOnce', state.host)} part={state.host} /> {options}
          </p>
        );
      case 'failed':
        return (
          <p class="site" role="status">
            <Emphasised text={t('siteFailed', state.host)} part={state.host} /> {options}
          </p>
        );
      case 'granted':
        return (
          <p class="site" role="status">
            <Emphasised text={t('siteGranted', state.host)} part={state.host} />{' '}
            {mode === 'chosen' ? (
              <button
                type="button"
                onClick={() =>
                  removeHost(state.host).then(
                    () => setState({ ...state, kind: 'not-granted' }),
                    () => setProblem(t('accessKept')),
                  )
                }
              >
                {t('siteStop')}
              </button>
            ) : null}{' '}
            {options}
          </p>
        );
      case 'not-granted': {
        const { tab, host } = state;
        return (
          <div class="site" role="status">
            <p>{t(mode === 'all' ? 'siteBlockedByBrowser' : 'siteNotChosen', host)}</p>
            <p class="actions">
              <button
                type="button"
                onClick={() => {
                  const patterns = sitePatterns(tab.url ?? '');
                  // Straight from the click: the browser only asks while the gesture is fresh.
                  if (patterns) {
                    requestSites(patterns).then(
                      (ok) =>
                        ok
                          ? setState({ kind: 'granted', tab, host })
                          : setProblem(t('accessNotGrantedShort')),
                      () => setProblem(t('accessCannotAsk')),
                    );
                  }
                }}
              >
                {t('siteHighlightOn', host)}
              </button>{' '}
              <button type="button" onClick={() => highlightOnce(tab, host, setState)}>
                {t('siteJustThisPage')}
              </button>{' '}
              {options}
            </p>
          </div>
        );
      }
    }
  }
}
