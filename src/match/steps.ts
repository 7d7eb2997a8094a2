/**
 * One step of a form: a run of separators, or one character given as every spelling that
 * counts (either case for words, its own case for abbreviations, any apostrophe). The
 * matcher turns forms into steps; the pattern and the trie scanner both read them.
 */
export type Step = 'separators' | readonly string[];
