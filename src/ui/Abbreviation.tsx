import type { TermView } from '../glossary/schema';

/**
 * " (DPIA)" after a term's name, where the course gives an abbreviation. Free of the extension
 * API, so the popup and the content script's tooltip both use it.
 */
export function Abbreviation({ term }: { term: Pick<TermView, 'abbreviation'> }) {
  return term.abbreviation ? <span class="abbr"> ({term.abbreviation})</span> : null;
}
