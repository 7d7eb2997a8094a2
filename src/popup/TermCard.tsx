import type { GlossaryTerm } from '../glossary/schema';
import { Abbreviation, RelatedLine } from '../ui/term-parts';

export interface TermCardProps {
  readonly term: GlossaryTerm;
  readonly related: readonly GlossaryTerm[];
  readonly headingLevel: 2 | 3;
}

/** One glossary entry: name, abbreviation, category, the course definition, related terms. */
export function TermCard({ term, related, headingLevel }: TermCardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article class="term" data-term-id={term.id}>
      <Heading class="term-name">
        {term.term}
        <Abbreviation term={term} />
      </Heading>
      <p class="category">{term.category}</p>
      <p class="definition">{term.definition}</p>
      <RelatedLine related={related} />
    </article>
  );
}
