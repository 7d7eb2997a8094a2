import type { GlossaryTerm } from '../glossary/schema';

export interface TooltipProps {
  readonly term: GlossaryTerm;
  readonly related: readonly GlossaryTerm[];
  readonly id: string;
}

/** What a reader sees on hover. Every string is rendered as text: Preact escapes it. */
export function Tooltip({ term, related, id }: TooltipProps) {
  return (
    <div class="card" role="tooltip" id={id} lang="en">
      <p class="name">
        <strong>{term.term}</strong>
        {term.abbreviation ? <span class="abbr"> ({term.abbreviation})</span> : null}
      </p>
      <p class="definition">{term.definition}</p>
      {related.length > 0 ? (
        <p class="related">
          <span class="label">Related: </span>
          {related.map((r) => r.term).join(', ')}
        </p>
      ) : null}
      <p class="source">Ethical AI Glossary · from the course</p>
    </div>
  );
}
