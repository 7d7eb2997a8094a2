import type { GlossaryTerm } from '../glossary/schema';

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
        {term.abbreviation ? <span class="abbr"> ({term.abbreviation})</span> : null}
      </Heading>
      <p class="category">{term.category}</p>
      <p class="definition">{term.definition}</p>
      {related.length > 0 ? (
        <p class="related">
          <span class="label">Related: </span>
          {related.map((r) => r.term).join(', ')}
        </p>
      ) : null}
    </article>
  );
}
