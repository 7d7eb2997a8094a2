import type { GlossaryTerm } from '../glossary/schema';
import { t } from '../i18n/i18n';
import { categoryName } from '../ui/category';

/**
 * The tooltip's card, built with the DOM itself: the content script is parsed again in every
 * page and frame, and a card this small needs no UI framework there (the extension's own
 * pages use Preact). Every string is set as text, never parsed as HTML.
 */

export interface CardProps {
  readonly term: GlossaryTerm;
  readonly related: readonly GlossaryTerm[];
  readonly id: string;
  /** The course the definitions come from, named on every card. */
  readonly source: string;
  /**
   * Pinned (clicked, or reached from the keyboard): its buttons can be used, so it is a small
   * dialog. Otherwise a tooltip, which by definition holds nothing to operate.
   */
  readonly pinned: boolean;
  /** The term shown before a related one was chosen, to go back to. */
  readonly previous?: GlossaryTerm;
  onRelated(term: GlossaryTerm): void;
  onBack(): void;
  onLookUp(term: GlossaryTerm): void;
}

type Child = Node | string | null;

function element(
  doc: Document,
  tag: string,
  attributes: Record<string, string>,
  ...children: Child[]
): HTMLElement {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.append(...children.filter((c): c is Node | string => c !== null));
  return el;
}

function button(doc: Document, className: string, label: string, onClick: () => void) {
  const b = element(doc, 'button', { type: 'button', class: className }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** Fills `mount` with the card for `props`, replacing what was there. */
export function renderCard(mount: HTMLElement, props: CardProps): void {
  const doc = mount.ownerDocument;
  const { term, related, id, source, pinned, previous } = props;
  const nameId = `${id}-name`;
  const role: Record<string, string> = pinned
    ? { role: 'dialog', 'aria-labelledby': nameId }
    : { role: 'tooltip' };
  const card = element(
    doc,
    'div',
    { class: 'card', id, lang: 'en', ...role },
    element(
      doc,
      'p',
      { class: 'name', id: nameId },
      element(doc, 'strong', {}, term.term),
      term.abbreviation ? element(doc, 'span', { class: 'abbr' }, ` (${term.abbreviation})`) : null,
    ),
    element(doc, 'p', { class: 'category' }, categoryName(term.category)),
    element(doc, 'p', { class: 'definition' }, term.definition),
    related.length
      ? element(
          doc,
          'div',
          { class: 'related' },
          element(doc, 'span', { class: 'label' }, t('tooltipRelated')),
          element(
            doc,
            'ul',
            {},
            ...related.map((r) =>
              element(
                doc,
                'li',
                {},
                button(doc, 'chip', r.term, () => props.onRelated(r)),
              ),
            ),
          ),
        )
      : null,
    element(
      doc,
      'p',
      { class: 'actions' },
      previous ? button(doc, 'back', t('tooltipBack', previous.term), props.onBack) : null,
      button(doc, 'look-up', t('tooltipLookUp'), () => props.onLookUp(term)),
    ),
    element(doc, 'p', { class: 'source' }, t('tooltipSource', source)),
  );
  mount.replaceChildren(card);
}
