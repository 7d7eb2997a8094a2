import { useState } from 'preact/hooks';
import { removeHost, requestSites } from '../access/access';
import { chosenSites, patternsFromInput } from '../access/patterns';
import { t } from '../i18n/i18n';
import { useGrantedPatterns } from '../ui/hooks';

/** The single sites the user granted, with a way to add and remove them. */
export function ChosenSites() {
  const granted = useGrantedPatterns();
  const [input, setInput] = useState('');
  const [notice, setNotice] = useState('');
  if (!granted) return null;
  const sites = chosenSites(granted);

  const add = (event: Event) => {
    event.preventDefault();
    const patterns = patternsFromInput(input);
    if (!patterns) {
      setNotice(t('notASite', input.trim()));
      return;
    }
    setNotice('');
    requestSites(patterns).then(
      (ok) => (ok ? setInput('') : setNotice(t('accessNotGrantedShort'))),
      () => setNotice(t('accessCannotAsk')),
    );
  };

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('chosenHeading')}</h2>
      {sites.length ? (
        <ul class="sites">
          {sites.map((host) => (
            <li key={host}>
              <span>{host}</span>
              <button
                type="button"
                aria-label={t('removeSite', host)}
                onClick={() => void removeHost(host)}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('chosenNone')}</p>
      )}
      <form class="add-site" onSubmit={add}>
        <label for="add-site-input">{t('addSite')}</label>
        <input
          id="add-site-input"
          value={input}
          placeholder="example.com"
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <button type="submit">{t('add')}</button>
      </form>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
    </section>
  );
}
