import type { GlossaryTerm } from '../glossary/schema';

/** " (DPIA)" after a term's name, where the course gives an abbreviation. */
export function Abbreviation({ term }: { term: GlossaryTerm }) {
  return term.abbreviation ? <span class="abbr"> ({term.abbreviation})</span> : null;
}

/** "Related: Fairness, Bias" under a definition; nothing when there are none. */
export function RelatedLine({ related }: { related: readonly GlossaryTerm[] }) {
  if (!related.length) return null;
  return (
    <p class="related">
      <span class="label">Related: </span>
      {related.map((r) => r.term).join(', ')}
    </p>
  );
}
