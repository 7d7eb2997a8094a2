import { glossary } from '../glossary/data';
import type { MatchableTerm } from '../match/matcher';
import { otherSenseTerms } from '../topic/senses';
import { DOMAIN_TERM } from '../topic/topic';

/**
 * What a page is searched for, kept free of the DOM so the build and the tests can work out
 * the page's pattern from it (build/page-pattern.ts).
 */

/** The other senses of everyday words: found and counted, never shown. */
export const senseTerms = otherSenseTerms(glossary.terms);

/** Every form the page is searched for: the glossary's, the topic words, the other senses. */
export const pageTerms: readonly MatchableTerm[] = [...glossary.terms, DOMAIN_TERM, ...senseTerms];
