import type { ComponentChildren } from 'preact';
import type { GlossaryTerm } from '../glossary/schema';
import { t } from '../i18n/i18n';
import { Abbreviation } from './Abbreviation';
import { categoryMessage } from './category';
import { RelatedLine } from './term-parts';

export interface TermCardProps {
  readonly term: GlossaryTerm;
  readonly related: readonly GlossaryTerm[];
  readonly headingLevel: 2 | 3;
  /** Reachable with the arrow keys from the search box (not a Tab stop). */
  readonly focusable?: boolean;
  /** What the page adds under the entry (the glossary page: its status). */
  readonly children?: ComponentChildren;
}

/** One glossary entry: name, abbreviation, category, the course definition, related terms. */
export function TermCard({ term, related, headingLevel, focusable, children }: TermCardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article
      class="term"
      id={`term-${term.id}`}
      data-term-id={term.id}
      tabIndex={focusable ? -1 : undefined}
    >
      <Heading class="term-name">
        {term.term}
        <Abbreviation term={term} />
      </Heading>
      <p class="category">{t(categoryMessage(term.category))}</p>
      <p class="definition">{term.definition}</p>
      <RelatedLine related={related} />
      {children}
    </article>
  );
}
