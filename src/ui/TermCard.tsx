import type { GlossaryTerm } from '../glossary/schema';
import { t } from '../i18n/i18n';
import { Abbreviation } from '../ui/Abbreviation';
import { categoryMessage } from '../ui/category';
import { RelatedLine } from '../ui/term-parts';

export interface TermCardProps {
  readonly term: GlossaryTerm;
  readonly related: readonly GlossaryTerm[];
  readonly headingLevel: 2 | 3;
  /** Reachable with the arrow keys from the search box (not a Tab stop). */
  readonly focusable?: boolean;
}

/** One glossary entry: name, abbreviation, category, the course definition, related terms. */
export function TermCard({ term, related, headingLevel, focusable }: TermCardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article class="term" data-term-id={term.id} tabIndex={focusable ? -1 : undefined}>
      <Heading class="term-name">
        {term.term}
        <Abbreviation term={term} />
      </Heading>
      <p class="category">{t(categoryMessage(term.category))}</p>
      <p class="definition">{term.definition}</p>
      <RelatedLine related={related} />
    </article>
  );
}
