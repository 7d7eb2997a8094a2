import { t } from '../i18n/i18n';

/** What a search shows, said in one line: "3 terms", "No term matches …", or all of them. */
export function resultCount(query: string, count: number): string {
  const asked = query.trim();
  if (!asked) {
    return t('popupAllTermCount', count);
  }
  return count === 0
    ? t('popupNoMatch', asked)
    : count === 1
      ? t('popupOneTerm')
      : t('popupTermCount', count);
}
