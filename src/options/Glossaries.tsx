import { useEffect, useState } from 'preact/hooks';
import { glossary } from '../glossary/data';
import { t } from '../i18n/i18n';
import type { GlossaryEntry } from '../import/library';
import { checkSize, type GlossaryPreview, ImportError, previewGlossary } from '../import/read-file';
import { store } from '../settings/extension-storage';
import { FilePicker } from '../ui/FilePicker';
import { Notice } from '../ui/Notice';
import { saveProblemText } from '../ui/save-problem';

/**
 * The user's own glossaries beside the course's: import one from a file picked or dropped,
 * after a preview that names every problem by row; switch each on or off, or delete it. The
 * course's glossary is always there. Nothing is stored until the user says Import.
 */

interface Said {
  readonly text: string;
  readonly alert?: boolean;
}

function useGlossaryIndex(): GlossaryEntry[] | null {
  const [entries, setEntries] = useState<GlossaryEntry[] | null>(null);
  useEffect(() => {
    store.loadGlossaryIndex().then(setEntries, () => setEntries([]));
    return store.onGlossaryIndexChanged(setEntries);
  }, []);
  return entries;
}

function Preview({
  preview,
  onImport,
  onCancel,
}: {
  preview: GlossaryPreview;
  onImport(): void;
  onCancel(): void;
}) {
  const count = preview.terms.length;
  return (
    <div class="glossary-preview">
      <p>
        <strong>
          {count
            ? t('glossariesPreview', preview.name, count, preview.rows)
            : t('glossariesNoneValid', preview.name, preview.rows)}
        </strong>
      </p>
      {preview.notes.map((note) => (
        <p key={note} class="detail">
          {note}
        </p>
      ))}
      {preview.problems.length ? (
        <>
          <p>{t('glossariesProblems', preview.problems.length)}</p>
          <ul class="problems">
            {preview.problems.map((p, i) => (
              // Rows can have several problems; their order in the file is their identity here.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is never reordered
              <li key={i}>
                {p.where}: {p.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p class="actions">
        {count ? (
          <button type="button" class="import" onClick={onImport}>
            {t('glossariesImport', count)}
          </button>
        ) : null}
        <button type="button" class="cancel" onClick={onCancel}>
          {t('glossariesCancel')}
        </button>
      </p>
    </div>
  );
}

export function Glossaries() {
  const entries = useGlossaryIndex();
  const [preview, setPreview] = useState<GlossaryPreview | null>(null);
  const [said, say] = useState<Said | null>(null);
  const [dragging, setDragging] = useState(false);

  async function read(file: File | undefined): Promise<void> {
    if (!file) {
      return;
    }
    setPreview(null);
    say(null);
    try {
      // A file too large is refused before it is read into memory.
      checkSize(file.size);
      setPreview(previewGlossary(file.name, new Uint8Array(await file.arrayBuffer())));
    } catch (error) {
      const reason = error instanceof ImportError ? error.message : String(error);
      say({ text: t('glossariesCannotRead', reason), alert: true });
    }
  }

  async function confirm(): Promise<void> {
    if (!preview) {
      return;
    }
    try {
      const entry = await store.addGlossary(preview.name, preview.terms);
      setPreview(null);
      say({ text: t('glossariesImported', entry.name, entry.terms) });
    } catch (error) {
      say({ text: saveProblemText(error, t), alert: true });
    }
  }

  const act = (action: Promise<void>) =>
    action.catch((error: unknown) => say({ text: saveProblemText(error, t), alert: true }));

  return (
    <section
      aria-labelledby="glossaries-heading"
      class={dragging ? 'glossaries dragging' : 'glossaries'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void read(e.dataTransfer?.files[0]);
      }}
    >
      <h2 id="glossaries-heading">{t('glossariesHeading')}</h2>
      <p class="detail">{t('glossariesDetail')}</p>
      <ul class="glossary-list">
        <li>{t('glossariesCourse', glossary.source, glossary.terms.length)}</li>
        {(entries ?? []).map((entry) => (
          <li key={entry.id} data-glossary={entry.id}>
            <label>
              <input
                type="checkbox"
                checked={entry.enabled}
                aria-label={t('glossariesOn', entry.name)}
                onChange={(e) => act(store.setGlossaryEnabled(entry.id, e.currentTarget.checked))}
              />{' '}
              {entry.name}
            </label>{' '}
            <span class="muted">{t('glossariesTerms', entry.terms)}</span>{' '}
            <button
              type="button"
              class="delete"
              aria-label={t('glossariesDeleteLabel', entry.name)}
              onClick={() => act(store.deleteGlossary(entry.id))}
            >
              {t('glossariesDelete')}
            </button>
          </li>
        ))}
      </ul>
      <p class="actions">
        <FilePicker accept=".csv,.json,text/csv,application/json" onFile={read}>
          {t('glossariesChoose')}
        </FilePicker>{' '}
        <span class="muted">{t('glossariesDrop')}</span>
      </p>
      {preview ? (
        <Preview
          preview={preview}
          onImport={() => void confirm()}
          onCancel={() => setPreview(null)}
        />
      ) : null}
      <Notice alert={said?.alert}>{said?.text}</Notice>
    </section>
  );
}
