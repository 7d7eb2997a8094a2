import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './shared';

/** Two hand labels of each page of ../shared/pages (test/labels/topic.json). */
const PAGE_LABELS = JSON.parse(readFileSync(join(ROOT, 'test/labels/topic.json'), 'utf8')) as {
  aboutAI: string[];
  inDomain: string[];
};

/** The pages labelled by hand as about AI. */
export const AI_PAGES: ReadonlySet<string> = new Set(PAGE_LABELS.aboutAI);

/**
 * The pages labelled by hand as in the course's domain: about AI, or about data protection and
 * privacy law, data governance, the ethics of technology or CRM.
 */
export const DOMAIN_PAGES: ReadonlySet<string> = new Set(PAGE_LABELS.inDomain);
/** A highlight a reader expects: offset in the body's text, the text, the term's id. */
export type HighlightLabel = readonly [number, string, string];

const HIGHLIGHTS = JSON.parse(readFileSync(join(ROOT, 'test/labels/highlights.json'), 'utf8')) as {
  pages: Record<string, HighlightLabel[]>;
  dataProtection: { pages: Record<string, HighlightLabel[]> };
};

/** Hand labels of highlights on ten responsible-AI pages (test/labels/highlights.json). */
export const HIGHLIGHT_LABELS: ReadonlyMap<string, readonly HighlightLabel[]> = new Map(
  Object.entries(HIGHLIGHTS.pages),
);

/** The same on the pages about data protection and privacy: the GDPR, aclu, herald-sun-1. */
export const DATA_PROTECTION_LABELS: ReadonlyMap<string, readonly HighlightLabel[]> = new Map(
  Object.entries(HIGHLIGHTS.dataProtection.pages),
);
