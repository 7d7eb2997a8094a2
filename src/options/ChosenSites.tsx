import { useState } from 'preact/hooks';
import { removeHost, requestSites } from '../access/access';
import { chosenSites, patternsFromInput } from '../access/patterns';
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
      setNotice(`"${input.trim()}" is not a web site address, like example.com.`);
      return;
    }
    setNotice('');
    requestSites(patterns).then(
      (ok) => (ok ? setInput('') : setNotice('Access was not granted, so nothing changed.')),
      () => setNotice('Your browser did not let the extension ask for access.'),
    );
  };

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites you chose</h2>
      {sites.length ? (
        <ul class="sites">
          {sites.map((host) => (
            <li key={host}>
              <span>{host}</span>
              <button
                type="button"
                aria-label={`Remove ${host}`}
                onClick={() => void removeHost(host)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No single sites yet.</p>
      )}
      <form class="add-site" onSubmit={add}>
        <label for="add-site-input">Add a site</label>
        <input
          id="add-site-input"
          value={input}
          placeholder="example.com"
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <button type="submit">Add</button>
      </form>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
    </section>
  );
}
