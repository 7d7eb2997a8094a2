import { useState } from 'preact/hooks';
import { glossary } from '../glossary/data';
import { t } from '../i18n/i18n';
import { ankiFile, type ImportProblem, parseProgress, progressFile } from '../progress/transfer';
import { loadProgress as loadProgressOf } from '../progress/writes';
import { store } from '../settings/extension-storage';
import { download } from '../ui/download';
import { FilePicker } from '../ui/FilePicker';
import { saveInTurn } from '../ui/hooks';
import { Notice } from '../ui/Notice';
import { saveProblemText } from '../ui/save-problem';

const loadProgress = () => loadProgressOf(store);

const IMPORT_PROBLEMS: Record<ImportProblem, Parameters<typeof t>[0]> = {
  'not-json': 'importNotJson',
  'not-progress': 'importNotProgress',
  newer: 'importNewer',
};

/**
 * "Take it elsewhere": the reader's progress as a JSON file and back (checked, merged with what
 * is here, all or nothing), and the glossary with each term's status for Anki.
 */
export function Transfer() {
  const [notice, setNotice] = useState<{ text: string; alert?: boolean } | null>(null);
  const fail = (error: unknown) => setNotice({ text: saveProblemText(error, t), alert: true });

  const exportProgress = () =>
    loadProgress().then((progress) => {
      download(
        'ethical-ai-glossary-progress.json',
        'application/json',
        progressFile(progress, new Date()),
      );
      setNotice({ text: t('exportDone') });
    }, fail);

  const exportAnki = () =>
    loadProgress().then(({ known, review }) => {
      download(
        'ethical-ai-glossary-anki.txt',
        'text/tab-separated-values',
        ankiFile(glossary.terms, known, review),
      );
      setNotice({ text: t('exportAnkiDone') });
    }, fail);

  const importProgress = async (file: File | undefined) => {
    if (!file) {
      return;
    }
    const text = await file.text();
    const parsed = parseProgress(text);
    if (!parsed.ok) {
      setNotice({ text: t(IMPORT_PROBLEMS[parsed.problem], file.name), alert: true });
      return;
    }
    try {
      // Merged and stored by the background, in turn with the marks other tabs make meanwhile.
      await saveInTurn({ type: 'import-progress', file: text });
    } catch (error) {
      fail(error);
      return;
    }
    const { known, met, review } = parsed.progress;
    const counts = [known.size, met.size, review.cards.size] as const;
    setNotice({
      text: parsed.dropped.length
        ? t('importDoneDropped', ...counts, parsed.dropped.join('; '))
        : t('importDone', ...counts),
    });
  };

  return (
    <section aria-labelledby="transfer-heading" class="transfer">
      <h2 id="transfer-heading">{t('transferHeading')}</h2>
      <p class="detail">{t('transferDetail')}</p>
      <p class="actions">
        <button type="button" onClick={exportProgress}>
          {t('exportProgress')}
        </button>
        <FilePicker accept="application/json,.json" onFile={importProgress}>
          {t('importProgress')}
        </FilePicker>
        <button type="button" onClick={exportAnki}>
          {t('exportAnki')}
        </button>
      </p>
      <Notice alert={notice?.alert}>{notice?.text}</Notice>
    </section>
  );
}
