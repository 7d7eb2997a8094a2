import type { MatchableTerm } from '../match/matcher';

/**
 * Is this page in the course's domain? The course is about AI and the data it runs on, so the
 * domain is AI and machine learning, data protection and privacy law, data governance, the
 * ethics of technology, and CRM. Decided from the page's own text, on the machine, by one rule
 * a reader can check: a page is in the domain when words of that domain (AI, machine learning,
 * language models, personal data, data protection, the GDPR, surveillance ...) or the course's
 * specialist terms come up at least 3 times, and at least once in every 12,000 characters of
 * its text (about 2,000 words).
 *
 * Pure: it counts what it is told; the highlighter tells it what its pass finds.
 */

/**
 * Words that say a text is in the course's domain without being course terms: counted, never
 * highlighted. Each is rare outside the domain: "privacy policy" in a recipe's footer is not
 * here, and an everyday word (bias, privacy) never counts.
 */
export const DOMAIN_TERM: MatchableTerm = {
  id: 'in-domain',
  forms: [
    // AI and machine learning
    'machine learning',
    'deep learning',
    'neural network',
    'neural networks',
    'language model',
    'language models',
    'ML',
    'LLM',
    'LLMs',
    'algorithmic bias',
    'automated decision-making',
    'automated decisions',
    // Data protection and privacy law
    'personal data',
    'data protection',
    'data subject',
    'data subjects',
    'data controller',
    'data controllers',
    'data processor',
    'data processors',
    'data privacy',
    'data breach',
    'data breaches',
    'data retention',
    'privacy law',
    'privacy laws',
    'privacy regulation',
    'privacy regulations',
    'right to privacy',
    'surveillance',
    'GDPR',
    'CCPA',
    'CPRA',
    'HIPAA',
    // Data governance and the ethics of technology
    'data stewardship',
    'data quality',
    'tech ethics',
    'technology ethics',
    'digital ethics',
    'computer ethics',
    'information ethics',
    // CRM: the course's own terms (CRM, customer relationship management) count; "customer
    // data" would too, but shops and SaaS sites name it in their navigation.
  ],
};

const MIN_MENTIONS = 3;
const CHARS_PER_MENTION = 12_000;

export interface TopicTerm {
  readonly id: string;
  readonly everyday?: boolean;
}

export interface TopicCounter {
  /** Text the page holds, by length, whether or not it mentions anything. */
  addText(length: number): void;
  /** One occurrence of a term (or of the domain's words) in that text. */
  addMatch(termId: string): void;
  readonly inDomain: boolean;
}

/**
 * Everyday words (bias, privacy ...) say nothing about the topic, with one exception: "AI"
 * itself, which is everyday only in that a page outside the domain may mention it in passing.
 */
export function createTopicCounter(terms: readonly TopicTerm[]): TopicCounter {
  const counted = new Set([
    DOMAIN_TERM.id,
    'artificial-intelligence',
    ...terms.filter((t) => !t.everyday).map((t) => t.id),
  ]);
  let mentions = 0;
  let chars = 0;
  return {
    addText(length) {
      chars += length;
    },
    addMatch(termId) {
      if (counted.has(termId)) {
        mentions++;
      }
    },
    get inDomain() {
      return mentions >= MIN_MENTIONS && mentions * CHARS_PER_MENTION >= chars;
    },
  };
}
