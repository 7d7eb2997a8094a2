import type { ComponentChildren } from 'preact';
import { isCourseCategory, type TermView } from '../glossary/schema';
import { t } from '../i18n/i18n';
import { Abbreviation } from './Abbreviation';
import { categoryMessage } from './category';
import { RelatedLine } from './term-parts';

export interface TermCardProps {
  readonly term: TermView;
  readonly related: readonly TermView[];
  readonly headingLevel: 2 | 3;
  /** Reachable with the arrow keys from the search box (not a Tab stop). */
  readonly focusable?: boolean;
  /** What the page adds under the entry (the glossary page: its status). */
  readonly children?: ComponentChildren;
}

/**
 * One glossary entry: name, abbreviation, category, the definition (the course's, or the
 * user's glossary's, which is named), the same term's definitions in the user's other
 * glossaries, related terms.
 */
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
      {isCourseCategory(term.category) ? (
        <p class="category">{t(categoryMessage(term.category))}</p>
      ) : term.category ? (
        <p class="category">{term.category}</p>
      ) : null}
      {term.glossary ? (
        <p class="from">
          {t(term.byOrganisation ? 'popupFromOrganisation' : 'popupFromGlossary', term.glossary)}
        </p>
      ) : null}
      <p class="definition">{term.definition}</p>
      {term.also?.map((other) => (
        <div class="also" key={other.id}>
          <p class="from">
            {t(
              other.byOrganisation ? 'tooltipAlsoInOrganisation' : 'tooltipAlsoIn',
              other.glossary ?? '',
            )}
          </p>
          <p class="definition">{other.definition}</p>
        </div>
      ))}
      <RelatedLine related={related} />
      {children}
    </article>
  );
}
