import type { GlossaryTerm } from '../glossary/schema';
import { Abbreviation, RelatedLine } from '../ui/term-parts';

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
        <Abbreviation term={term} />
      </p>
      <p class="definition">{term.definition}</p>
      <RelatedLine related={related} />
      <p class="source">Ethical AI Glossary · from the course</p>
    </div>
  );
}
