import type { GlossaryTerm } from '../glossary/schema';

/**
 * " (DPIA)" after a term's name, where the course gives an abbreviation. Free of the extension
 * API, so the popup and the content script's tooltip both use it.
 */
export function Abbreviation({ term }: { term: GlossaryTerm }) {
  return term.abbreviation ? <span class="abbr"> ({term.abbreviation})</span> : null;
}
