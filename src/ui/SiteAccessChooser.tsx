import { useState } from 'preact/hooks';
import { removeAllAccess, removeSites, requestAllSites } from '../access/access';
import { ALL_SITES, coversAllSites } from '../access/patterns';
import type { SiteAccessMode } from '../settings/settings';
import { useGrantedPatterns, useSettings } from './hooks';

const CHOICES: ReadonlyArray<{ mode: SiteAccessMode; label: string; detail: string }> = [
  {
    mode: 'all',
    label: 'Highlight on all sites',
    detail: 'Terms are underlined on every web page you open. Your browser asks you to confirm.',
  },
  {
    mode: 'chosen',
    label: 'Only on sites I choose',
    detail:
      'Open the toolbar button on a site and choose "Highlight on this site", or add sites in the options.',
  },
  {
    mode: 'click',
    label: 'Only when I ask',
    detail:
      'Click the toolbar button or press the shortcut (Alt+Shift+G) to highlight the page you are on: this page, this time. The extension reads no site otherwise.',
  },
];

/** The one control for where highlighting may run; the onboarding and options pages share it. */
export function SiteAccessChooser() {
  const [settings, save] = useSettings();
  const granted = useGrantedPatterns();
  const [notice, setNotice] = useState('');
  if (!settings || !granted) return <p>Loading…</p>;

  const choose = (mode: SiteAccessMode) => {
    setNotice('');
    if (mode === 'all') {
      // The request must start inside the click: browsers ignore it once the gesture is stale.
      requestAllSites().then(
        (ok) =>
          ok
            ? save({ siteAccess: 'all' })
            : setNotice('Access was not granted, so nothing changed. You can try again.'),
        () => setNotice('Your browser did not let the extension ask for access.'),
      );
      return;
    }
    save({ siteAccess: mode });
    const revoke = mode === 'chosen' ? removeSites(ALL_SITES) : removeAllAccess();
    revoke.catch(() => setNotice('Your browser kept the access it had; you can remove it there.'));
  };

  const limited = settings.siteAccess === 'all' && !coversAllSites(granted);
  return (
    <fieldset class="access">
      <legend>Where may the extension highlight terms?</legend>
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
            <strong>{label}</strong>
            <span class="detail">{detail}</span>
          </span>
        </label>
      ))}
      {limited ? (
        <p class="notice" role="status">
          Your browser's settings currently limit access to some or no sites, so terms are only
          highlighted where it allows.{' '}
          <button type="button" onClick={() => choose('all')}>
            Allow all sites again
          </button>
        </p>
      ) : null}
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
    </fieldset>
  );
}
