import type { Density, KnownLook } from '../settings/settings';
import type { ScanObserver } from './read-count';

/** What a highlighter offers and takes: the contract its callers (the content script) rely on. */

export interface HighlighterOptions {
  readonly density?: Density;
  /** Terms that are everyday words (bias, privacy): shown only on pages in the course's domain. */
  readonly everyday?: ReadonlySet<string>;
  /**
   * Reads the page's text during the first pass; everyday words wait for what it concludes.
   * Without one, everyday words are highlighted everywhere.
   */
  readonly reading?: PageReading;
  /** Terms the matcher finds only so the topic can count them: never highlighted. */
  readonly countOnly?: ReadonlySet<string>;
  /** Called for each open shadow root the highlighter enters, so the caller can style it. */
  readonly onShadowRoot?: (root: ShadowRoot) => void;
  /** The look of the highlights, written on each (STYLE_ATTRIBUTE); the underline without. */
  readonly look?: string;
  /** Called after highlights were added or taken away (several changes may share one call). */
  readonly onMarksChanged?: () => void;
  /** Terms the user marked as known (see `setKnown`). */
  readonly known?: ReadonlySet<string>;
  /** Known terms are not highlighted ('hidden', the default) or drawn faintly ('faint'). */
  readonly knownLook?: KnownLook;
}

export interface Highlighter {
  /**
   * Highlights every glossary term under `root` at once; returns how many highlight elements it
   * added. For a page, `highlightSoon` keeps the page responsive while it works.
   */
  highlight(root: Node): number;
  /** The same in slices, none long enough to delay the page; resolves with the count when done. */
  highlightSoon(root: Node): Promise<number>;
  /**
   * Looks under `root` again for open shadow roots not entered yet and highlights them: a web
   * component the page defines late attaches its shadow root to an element already read, and
   * no DOM change tells.
   */
  searchShadowRoots(root: Node): Promise<void>;
  /** Removes every highlight, giving the text back to the page's own text nodes. */
  clear(): void;
  /**
   * The user's known terms changed. Hidden, the highlights of a newly known term go at once
   * (each text back in the page's own nodes) and one no longer known is looked for again;
   * faint, their highlights are redrawn.
   */
  setKnown(known: ReadonlySet<string>): void;
  /** The highlight elements currently on the page, in creation order. */
  readonly marks: readonly HTMLElement[];
  /** The term id of a highlight element of ours, or null for anything else. */
  termOf(target: EventTarget | null): string | null;
  /** All the elements of the one occurrence `mark` belongs to (a term split by markup has several). */
  occurrenceOf(mark: Element): readonly HTMLElement[];
  /** Whether the page is in the course's domain, once its first pass has read it (null before). */
  readonly inDomain: boolean | null;
  /**
   * The terms found in `text`, each once, in the order they first come: text that is not on the
   * page yet (a PDF's pages not drawn). Whether the page would show them is `allows`.
   */
  termsIn(text: string): string[];
  /** Whether the page highlights `termId` where it is found, however often it shows it already. */
  allows(termId: string): boolean;
}

/** What the first pass learns by reading the whole page. */
export interface PageReading extends ScanObserver {
  /** Whether the page is in the course's domain: everyday words are highlighted only then. */
  readonly inDomain: boolean;
  /** Whether the page uses the term's word in another sense than the course's. */
  usesOtherSense(termId: string): boolean;
}
