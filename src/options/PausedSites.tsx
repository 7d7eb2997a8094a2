import { useState } from 'preact/hooks';
import { hostFromInput } from '../access/patterns';
import { t } from '../i18n/i18n';
import { isPaused } from '../settings/settings';
import { useSettings } from '../ui/hooks';

/** The sites where the user switched highlighting off (from the popup or here), editable. */
export function PausedSites() {
  const [settings, save] = useSettings();
  const [input, setInput] = useState('');
  const [notice, setNotice] = useState('');
  if (!settings) return null;
  const sites = settings.pausedSites;

  const add = (event: Event) => {
    event.preventDefault();
    const host = hostFromInput(input);
    if (!host) {
      setNotice(t('notASite', input.trim()));
      return;
    }
    setNotice(isPaused(sites, host) ? t('pausedAlready', host) : '');
    if (!isPaused(sites, host)) save({ pausedSites: [...sites, host] });
    setInput('');
  };

  return (
    <section aria-labelledby="paused-heading">
      <h2 id="paused-heading">{t('pausedHeading')}</h2>
      {sites.length ? (
        <ul class="sites">
          {sites.map((host) => (
            <li key={host}>
              <span>{host}</span>
              <button
                type="button"
                aria-label={t('pausedResumeSite', host)}
                onClick={() => save({ pausedSites: sites.filter((s) => s !== host) })}
              >
                {t('pausedResume')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('pausedNone')}</p>
      )}
      <form class="add-site" onSubmit={add}>
        <label for="pause-site-input">{t('pausedAddLabel')}</label>
        <input
          id="pause-site-input"
          value={input}
          placeholder="example.com"
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <button type="submit">{t('pausedAdd')}</button>
      </form>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
    </section>
  );
}
