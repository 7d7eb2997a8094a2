import data from '../../glossary/glossary.json';
import type { Glossary, GlossaryTerm } from './schema';

// The build refuses to bundle a glossary that fails `parseGlossary` (see vite.config.ts), so
// the bundled data is trusted here and the content script does not carry the validator.
export const glossary = data as Glossary;

export const termsById: ReadonlyMap<string, GlossaryTerm> = new Map(
  glossary.terms.map((t) => [t.id, t]),
);
