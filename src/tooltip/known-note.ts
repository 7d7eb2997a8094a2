import type { TermView } from '../glossary/schema';
import type { Translate } from '../i18n/translate';
import type { CardProps } from './Card';

export type CardNote = NonNullable<CardProps['note']>;

/**
 * What the tooltip says after "I know this" or "Not known yet": why it was not stored, or what
 * happened to the term's highlights, with Undo after a term marked known.
 */
export function knownNote(
  t: Translate,
  term: TermView,
  known: boolean,
  { problem, faint }: { problem: string | null; faint: boolean },
): CardNote {
  if (problem) {
    return { text: problem, alert: true };
  }
  if (known) {
    return {
      text: t(faint ? 'tooltipMarkedKnownFaint' : 'tooltipMarkedKnown', term.term),
      undo: true,
    };
  }
  return { text: t('tooltipMarkedNew', term.term) };
}
