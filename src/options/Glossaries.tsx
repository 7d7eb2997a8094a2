import { useEffect, useState } from 'preact/hooks';
import { glossary } from '../glossary/data';
import { t } from '../i18n/i18n';
import { exportName, glossaryCsv, glossaryJson } from '../import/export';
import type { GlossaryEntry } from '../import/library';
import { ImportError } from '../import/read-file';
import { store } from '../settings/extension-storage';
import { download } from '../ui/download';
import { FilePicker } from '../ui/FilePicker';
import { useSettings } from '../ui/hooks';
import { Notice } from '../ui/Notice';
import { saveProblemText } from '../ui/save-problem';
import { type Pending, Preview } from './GlossaryPreview';
import { previewFile } from './preview-file';
import { RenameForm } from './RenameForm';

/**
 * The user's own glossaries beside the course's: import one from a file picked or dropped,
 * after a preview that names every problem by row; switch each on or off, rename it, replace
 * it with a new version of its file, export it, or delete it. The course's glossary is always
 * there, to switch off but not delete, and those the user's organisation installed can be
 * switched off and exported only.
 * Nothing is stored until the user says Import (or Replace).
 */

interface Said {
  readonly text: string;
  readonly alert?: boolean;
}

const ACCEPT = '.csv,.json,.tbx,.xml,text/csv,application/json,application/x-tbx,application/xml';

function useGlossaryIndex(): GlossaryEntry[] | null {
  const [entries, setEntries] = useState<GlossaryEntry[] | null>(null);
  useEffect(() => {
    store.loadGlossaryIndex().then(setEntries, () => setEntries([]));
    return store.onGlossaryIndexChanged(setEntries);
  }, []);
  return entries;
}

export function Glossaries() {
  const entries = useGlossaryIndex();
  const [settings, saveSettings] = useSettings();
  const [pending, setPending] = useState<Pending | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [said, say] = useState<Said | null>(null);
  const [dragging, setDragging] = useState(false);
  const fail = (error: unknown) => say({ text: saveProblemText(error, t), alert: true });

  /** Reads a file into a preview: of a new glossary, or of a new version of `replacing`. */
  async function read(file: File | undefined, replacing?: GlossaryEntry): Promise<void> {
    if (!file) {
      return;
    }
    setPending(null);
    say(null);
    try {
      // Checking thousands of rows takes a moment: the page says so meanwhile.
      say({ text: t('glossariesReading', file.name) });
      const preview = await previewFile(file);
      say(null);
      if (!replacing) {
        setPending({ preview });
        return;
      }
      const stored = new Set((await store.loadGlossaryTerms(replacing.id)).map((term) => term.id));
      const kept = preview.terms.filter((term) => stored.has(term.id)).length;
      setPending({ preview, replacing: { entry: replacing, kept, gone: stored.size - kept } });
    } catch (error) {
      const reason = error instanceof ImportError ? error.message : String(error);
      say({ text: t('glossariesCannotRead', reason), alert: true });
    }
  }

  async function confirm(): Promise<void> {
    if (!pending) {
      return;
    }
    const { preview, replacing } = pending;
    try {
      if (replacing) {
        const entry = await store.replaceGlossary(replacing.entry.id, preview.terms);
        say({ text: t('glossariesReplaced', entry.name, entry.terms) });
      } else {
        const entry = await store.addGlossary(preview.name, preview.terms);
        say({ text: t('glossariesImported', entry.name, entry.terms) });
      }
      setPending(null);
    } catch (error) {
      fail(error);
    }
  }

  async function exportAs(entry: GlossaryEntry, format: 'json' | 'csv'): Promise<void> {
    try {
      const terms = await store.loadGlossaryTerms(entry.id);
      const file = exportName(entry.name, format);
      if (format === 'json') {
        download(file, 'application/json', glossaryJson(entry.name, terms));
      } else {
        download(file, 'text/csv', glossaryCsv(terms));
      }
      say({ text: t('glossariesExported', entry.name, file) });
    } catch (error) {
      fail(error);
    }
  }

  const act = (action: Promise<void>) => action.catch(fail);
  const rename = (id: string, name: string) =>
    store.renameGlossary(id, name).then(
      () => true,
      (error: unknown) => {
        fail(error);
        return false;
      },
    );

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
        <li data-glossary="course">
          <label>
            <input
              type="checkbox"
              checked={settings?.courseTerms ?? true}
              disabled={!settings}
              aria-label={t('glossariesCourseOn')}
              onChange={(e) =>
                void saveSettings({ courseTerms: e.currentTarget.checked }).then(
                  (problem) => problem && say({ text: problem, alert: true }),
                )
              }
            />{' '}
            <span class="name">
              {t('glossariesCourse', glossary.source, glossary.terms.length)}
            </span>
          </label>
        </li>
        {(entries ?? []).map((entry) => (
          <li key={entry.id} data-glossary={entry.id}>
            {renaming === entry.id ? (
              <RenameForm
                entry={entry}
                onSave={(name) => rename(entry.id, name)}
                onDone={() => setRenaming(null)}
              />
            ) : (
              <>
                <label>
                  <input
                    type="checkbox"
                    checked={entry.enabled}
                    aria-label={t('glossariesOn', entry.name)}
                    onChange={(e) =>
                      act(store.setGlossaryEnabled(entry.id, e.currentTarget.checked))
                    }
                  />{' '}
                  <span class="name">{entry.name}</span>
                </label>{' '}
                <span class="muted">{t('glossariesTerms', entry.terms)}</span>
                {entry.managed ? (
                  <>
                    {' '}
                    <span class="managed">{t('glossariesManaged')}</span>
                  </>
                ) : null}
              </>
            )}
            <span class="glossary-actions">
              {entry.managed ? null : (
                <>
                  <button
                    type="button"
                    class="rename-button"
                    aria-label={t('glossariesRenameLabel', entry.name)}
                    onClick={() => setRenaming(entry.id)}
                  >
                    {t('glossariesRename')}
                  </button>
                  <FilePicker
                    accept={ACCEPT}
                    label={t('glossariesReplaceLabel', entry.name)}
                    onFile={(file) => read(file, entry)}
                  >
                    {t('glossariesReplaceChoose')}
                  </FilePicker>
                </>
              )}
              <button
                type="button"
                class="export-json"
                aria-label={t('glossariesExportLabel', entry.name, 'JSON')}
                onClick={() => void exportAs(entry, 'json')}
              >
                {t('glossariesExportJson')}
              </button>
              <button
                type="button"
                class="export-csv"
                aria-label={t('glossariesExportLabel', entry.name, 'CSV')}
                onClick={() => void exportAs(entry, 'csv')}
              >
                {t('glossariesExportCsv')}
              </button>
              {entry.managed ? null : (
                <button
                  type="button"
                  class="delete"
                  aria-label={t('glossariesDeleteLabel', entry.name)}
                  onClick={() => act(store.deleteGlossary(entry.id))}
                >
                  {t('glossariesDelete')}
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      <p class="actions import-new">
        <FilePicker accept={ACCEPT} onFile={read}>
          {t('glossariesChoose')}
        </FilePicker>{' '}
        <span class="muted">{t('glossariesDrop')}</span>
      </p>
      {pending ? (
        <Preview
          pending={pending}
          onConfirm={() => void confirm()}
          onCancel={() => setPending(null)}
        />
      ) : null}
      <Notice alert={said?.alert}>{said?.text}</Notice>
    </section>
  );
}
