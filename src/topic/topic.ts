import type { MatchableTerm } from '../match/matcher';

/**
 * Is this page about AI? Decided from the page's own text, on the machine, by one rule a
 * reader can check: a page is about AI when AI, machine learning, neural networks or language
 * models, or the course's specialist terms, come up at least 3 times, and at least once in
 * every 12,000 characters of its text (about 2,000 words).
 *
 * Pure: it counts what it is told; the highlighter tells it what its pass finds.
 */

/** Words that say a text is about AI without being course terms: counted, never highlighted. */
export const TOPIC_TERM: MatchableTerm = {
  id: 'about-ai',
  forms: [
    'machine learning',
    'deep learning',
    'neural network',
    'neural networks',
    'language model',
    'language models',
    'ML',
    'LLM',
    'LLMs',
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
  /** One occurrence of a term (or of the topic words) in that text. */
  addMatch(termId: string): void;
  readonly aboutAI: boolean;
}

/**
 * Everyday words (bias, privacy ...) say nothing about the topic, with one exception: "AI"
 * itself, which is everyday only in that a page not about AI may mention it in passing.
 */
export function createTopicCounter(terms: readonly TopicTerm[]): TopicCounter {
  const counted = new Set([
    TOPIC_TERM.id,
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
    get aboutAI() {
      return mentions >= MIN_MENTIONS && mentions * CHARS_PER_MENTION >= chars;
    },
  };
}
