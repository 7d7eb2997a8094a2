import { render } from 'preact';
import { isCourseCategory, type TermView } from '../glossary/schema';
import type { Translate } from '../i18n/translate';
import { Abbreviation } from '../ui/Abbreviation';
import { categoryMessage } from '../ui/category';

/**
 * The tooltip's card: Preact components, rendered by the content script into the tooltip's
 * closed shadow root. Every string is a text child, never parsed as HTML.
 */

export interface CardProps {
  readonly term: TermView;
  readonly related: readonly TermView[];
  readonly id: string;
  /** The course the definitions come from, named on every card. */
  readonly source: string;
  /**
   * Pinned (clicked, or reached from the keyboard): its buttons can be used, so it is a small
   * dialog. Otherwise a tooltip, which by definition holds nothing to operate.
   */
  readonly pinned: boolean;
  /** The term shown before a related one was chosen, to go back to. */
  readonly previous?: TermView | undefined;
  /** The content script's translator: its extension API is not the extension pages'. */
  readonly t: Translate;
  /** Whether the user marked the term as known. */
  readonly known: boolean;
  /**
   * What the user's last mark in this tooltip did, or why it was not stored (`alert`); `undo`
   * offers to take it back.
   */
  readonly note?: { readonly text: string; readonly alert?: boolean; readonly undo?: boolean };
  onRelated(term: TermView): void;
  onBack(): void;
  onLookUp(term: TermView): void;
  /** "I know this" (true), or "Not known yet" and Undo (false). */
  onKnown(term: TermView, known: boolean): void;
}

function RelatedTerms({ related, t, onRelated }: Pick<CardProps, 'related' | 't' | 'onRelated'>) {
  if (!related.length) {
    return null;
  }
  return (
    <div class="related">
      <span class="label">{t('tooltipRelated')}</span>
      <ul>
        {related.map((r) => (
          <li key={r.id}>
            <button type="button" class="chip" onClick={() => onRelated(r)}>
              {r.term}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Actions({ term, previous, t, known, note, onBack, onLookUp, onKnown }: CardProps) {
  // The glossary page lists the course's terms: an imported term is not looked up there.
  const ours = !term.glossary;
  return (
    <p class="actions">
      {previous ? (
        <button type="button" class="back" onClick={onBack}>
          {t('tooltipBack', previous.term)}
        </button>
      ) : null}
      {note?.undo ? null : (
        <button type="button" class="know" onClick={() => onKnown(term, !known)}>
          {t(known ? 'tooltipNotKnown' : 'tooltipKnow')}
        </button>
      )}
      {ours ? (
        <button type="button" class="look-up" onClick={() => onLookUp(term)}>
          {t('tooltipLookUp')}
        </button>
      ) : null}
    </p>
  );
}

/** Said as soon as it changes (a status, or an alert when a mark was not stored). */
function Note({ note, term, t, onKnown }: CardProps) {
  return (
    <div class="note" role={note?.alert ? 'alert' : 'status'}>
      {note ? (
        <p>
          {note.text}
          {note.undo ? (
            <>
              {' '}
              <button type="button" class="undo" onClick={() => onKnown(term, false)}>
                {t('tooltipUndo')}
              </button>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

export function Card(props: CardProps) {
  const { term, id, pinned, source, t } = props;
  const nameId = `${id}-name`;
  const role = pinned
    ? ({ role: 'dialog', 'aria-labelledby': nameId } as const)
    : ({ role: 'tooltip' } as const);
  return (
    <div class="card" id={id} lang="en" {...role}>
      <p class="name" id={nameId}>
        <strong>{term.term}</strong>
        <Abbreviation term={term} />
      </p>
      {isCourseCategory(term.category) ? (
        <p class="category">{t(categoryMessage(term.category))}</p>
      ) : term.category ? (
        <p class="category">{term.category}</p>
      ) : null}
      <p class="definition">{term.definition}</p>
      {term.also?.map((other) => (
        <div class="also" key={other.id}>
          <p class="also-source">
            {t(
              other.byOrganisation ? 'tooltipAlsoInOrganisation' : 'tooltipAlsoIn',
              other.glossary ?? '',
            )}
          </p>
          <p class="definition">{other.definition}</p>
        </div>
      ))}
      <RelatedTerms {...props} />
      <Actions {...props} />
      <Note {...props} />
      <p class="source">
        {term.glossary
          ? t(
              term.byOrganisation ? 'tooltipSourceOrganisation' : 'tooltipSourceGlossary',
              term.glossary,
            )
          : t('tooltipSource', source)}
      </p>
    </div>
  );
}

/** Draws the card for `props` into `mount`, updating what is there in place. */
export function renderCard(mount: Element, props: CardProps): void {
  render(<Card {...props} />, mount);
}

/** Empties `mount`, letting Preact drop its listeners. */
export function clearCard(mount: Element): void {
  render(null, mount);
}
