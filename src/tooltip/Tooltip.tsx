import type { GlossaryTerm } from '../glossary/schema';
import { Abbreviation } from '../ui/term-parts';

export interface TooltipProps {
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

const categoryName = (category: string) => category.charAt(0).toUpperCase() + category.slice(1);

/** What a reader sees on a term. Every string is rendered as text: Preact escapes it. */
export function Tooltip(props: TooltipProps) {
  const { term, related, id, source, pinned, previous } = props;
  const nameId = `${id}-name`;
  return (
    <div
      class="card"
      id={id}
      lang="en"
      {...(pinned ? { role: 'dialog', 'aria-labelledby': nameId } : { role: 'tooltip' })}
    >
      <p class="name" id={nameId}>
        <strong>{term.term}</strong>
        <Abbreviation term={term} />
      </p>
      <p class="category">{categoryName(term.category)}</p>
      <p class="definition">{term.definition}</p>
      {related.length ? (
        <div class="related">
          <span class="label">Related terms</span>
          <ul>
            {related.map((r) => (
              <li key={r.id}>
                <button type="button" class="chip" onClick={() => props.onRelated(r)}>
                  {r.term}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p class="actions">
        {previous ? (
          <button type="button" class="back" onClick={props.onBack}>
            ← Back to {previous.term}
          </button>
        ) : null}
        <button type="button" class="look-up" onClick={() => props.onLookUp(term)}>
          Look up in glossary
        </button>
      </p>
      <p class="source">Source: the course “{source}”</p>
    </div>
  );
}
