import { useState } from 'preact/hooks';
import { hostFromInput } from '../access/patterns';
import { t } from '../i18n/i18n';
import { Notice } from '../ui/Notice';

export interface SiteListProps {
  readonly id: string;
  readonly heading: string;
  readonly sites: readonly string[];
  readonly empty: string;
  readonly removeText: string;
  removeLabel(host: string): string;
  /** Takes a site off; resolves with what went wrong, or null. */
  onRemove(host: string): Promise<string | null>;
  /** Said under the list (how much room is left), or empty. */
  readonly footnote?: string;
  readonly addLabel: string;
  readonly addText: string;
  /**
   * Adds a site the user typed; resolves with what went wrong, or null. Called straight from
   * the form's submit, so a permission request inside it still counts as the user's gesture.
   */
  onAdd(host: string): Promise<string | null>;
}

/** A list of sites with a button to take each off and a field to add one (options page). */
export function SiteList(props: SiteListProps) {
  const [input, setInput] = useState('');
  const [notice, setNotice] = useState('');
  const add = (event: Event) => {
    event.preventDefault();
    const host = hostFromInput(input);
    if (!host) {
      setNotice(t('notASite', input.trim()));
      return;
    }
    // onAdd settles with a message, never rejects: the handler below is the whole story.
    void props.onAdd(host).then((problem) => {
      setNotice(problem ?? '');
      if (!problem) {
        setInput('');
      }
    });
  };
  const remove = (host: string) => {
    void props.onRemove(host).then((problem) => setNotice(problem ?? ''));
  };
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.heading}</h2>
      {props.sites.length ? (
        <ul class="sites">
          {props.sites.map((host) => (
            <li key={host}>
              <span>{host}</span>
              <button
                type="button"
                aria-label={props.removeLabel(host)}
                onClick={() => remove(host)}
              >
                {props.removeText}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{props.empty}</p>
      )}
      {props.footnote ? <p class="muted">{props.footnote}</p> : null}
      <form class="add-site" onSubmit={add}>
        <label for={`${props.id}-input`}>{props.addLabel}</label>
        <input
          id={`${props.id}-input`}
          value={input}
          placeholder="example.com"
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <button type="submit">{props.addText}</button>
      </form>
      <Notice alert>{notice}</Notice>
    </section>
  );
}
