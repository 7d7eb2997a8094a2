import { useState } from 'preact/hooks';
import { removeAllAccess, removeSites, requestAllSites } from '../access/access';
import { ALL_SITES, coversAllSites } from '../access/patterns';
import { type MessageKey, t } from '../i18n/i18n';
import type { SiteAccessMode } from '../settings/settings';
import { useGrantedPatterns, useSettings } from './hooks';
import { Notice } from './Notice';

const CHOICES: ReadonlyArray<{ mode: SiteAccessMode; label: MessageKey; detail: MessageKey }> = [
  { mode: 'all', label: 'accessAllLabel', detail: 'accessAllDetail' },
  { mode: 'chosen', label: 'accessChosenLabel', detail: 'accessChosenDetail' },
  { mode: 'click', label: 'accessClickLabel', detail: 'accessClickDetail' },
];

/** The one control for where highlighting may run; the onboarding and options pages share it. */
export function SiteAccessChooser() {
  const [settings, save] = useSettings();
  const granted = useGrantedPatterns();
  const [notice, setNotice] = useState('');
  if (!settings || !granted) {
    return <p>{t('accessLoading')}</p>;
  }

  const say = (problem: string | null) => setNotice(problem ?? '');
  const choose = (mode: SiteAccessMode) => {
    setNotice('');
    if (mode === 'all') {
      // The request must start inside the click: browsers ignore it once the gesture is stale.
      requestAllSites().then(
        (ok) => (ok ? save({ siteAccess: 'all' }).then(say) : say(t('accessNotGranted'))),
        () => say(t('accessCannotAsk')),
      );
      return;
    }
    // Access is given back once the choice is stored: a refused save leaves both as they were.
    // save() settles with a message and never rejects.
    void save({ siteAccess: mode }).then((problem) => {
      say(problem);
      if (!problem) {
        const revoke = mode === 'chosen' ? removeSites(ALL_SITES) : removeAllAccess();
        revoke.catch(() => say(t('accessKept')));
      }
    });
  };

  const limited = settings.siteAccess === 'all' && !coversAllSites(granted);
  return (
    <fieldset class="access">
      <legend>{t('accessLegend')}</legend>
      {CHOICES.map(({ mode, label, detail }) => (
        <label class="choice" key={mode}>
          <input
            type="radio"
            name="site-access"
            value={mode}
            checked={settings.siteAccess === mode}
            onChange={() => choose(mode)}
          />
          <span>
            <strong>{t(label)}</strong>
            <span class="detail">{t(detail)}</span>
          </span>
        </label>
      ))}
      {limited ? (
        <p class="notice" role="status">
          {t('accessLimited')}{' '}
          <button type="button" onClick={() => choose('all')}>
            {t('accessAllowAllAgain')}
          </button>
        </p>
      ) : null}
      <Notice>{notice}</Notice>
    </fieldset>
  );
}
