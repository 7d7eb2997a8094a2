import { t } from '../i18n/i18n';
import type { GlossaryEntry } from '../import/library';
import type { GlossaryPreview } from '../import/read-file';

/** A file read and waiting for the user's word: a new glossary, or a new version of one. */
export interface Pending {
  readonly preview: GlossaryPreview;
  readonly replacing?: {
    readonly entry: GlossaryEntry;
    /** Terms of the stored version whose ids the new one has too. */
    readonly kept: number;
    readonly gone: number;
  };
}

/**
 * What a picked file would import, before anything is stored: its name, how many terms, every
 * problem by row; for a new version of a glossary, which of its terms stay, come and go.
 */
export function Preview({
  pending: { preview, replacing },
  onConfirm,
  onCancel,
}: {
  pending: Pending;
  onConfirm(): void;
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
      {replacing && count ? (
        <p class="replacing">
          {t(
            'glossariesReplaceSummary',
            replacing.entry.name,
            replacing.kept,
            count - replacing.kept,
            replacing.gone,
          )}
        </p>
      ) : null}
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
          <button type="button" class="import" onClick={onConfirm}>
            {replacing ? t('glossariesReplace', count) : t('glossariesImport', count)}
          </button>
        ) : null}
        <button type="button" class="cancel" onClick={onCancel}>
          {t('glossariesCancel')}
        </button>
      </p>
    </div>
  );
}
