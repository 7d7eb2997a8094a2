import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { GLOSSARY_NAME_MAX, type GlossaryEntry } from '../import/library';

/** The name of a glossary being renamed: Enter or Save stores it, Escape or Cancel leaves it. */
export function RenameForm({
  entry,
  onSave,
  onDone,
}: {
  entry: GlossaryEntry;
  onSave(name: string): Promise<boolean>;
  onDone(): void;
}) {
  const [name, setName] = useState(entry.name);
  return (
    <form
      class="rename"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(name).then((saved) => saved && onDone());
      }}
    >
      <input
        type="text"
        value={name}
        required
        maxLength={GLOSSARY_NAME_MAX}
        aria-label={t('glossariesNewName', entry.name)}
        // The user asked to rename: the field takes the first keystroke.
        ref={(input) => input?.focus()}
        onInput={(e) => setName(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Escape' && onDone()}
      />{' '}
      <button type="submit" class="save">
        {t('glossariesSave')}
      </button>{' '}
      <button type="button" class="cancel" onClick={onDone}>
        {t('glossariesCancel')}
      </button>
    </form>
  );
}
