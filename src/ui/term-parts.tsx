import type { TermView } from '../glossary/schema';
import { t } from '../i18n/i18n';

/** "Related: Fairness, Bias" under a definition; nothing when there are none. */
export function RelatedLine({ related }: { related: readonly Pick<TermView, 'term'>[] }) {
  if (!related.length) {
    return null;
  }
  return (
    <p class="related">
      <span class="label">{t('relatedLabel')} </span>
      {related.map((r) => r.term).join(', ')}
    </p>
  );
}
