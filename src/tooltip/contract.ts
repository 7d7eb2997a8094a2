import type { TermView } from '../glossary/schema';
import type { Translate } from '../i18n/translate';
import type { TooltipUi } from './ui';

/** What the tooltip needs from the content script, given once. */
export interface TooltipWiring {
  termById(id: string): TermView | undefined;
  /** The course the definitions come from. */
  readonly source: string;
  readonly t: Translate;
  /** The tooltip's UI (Preact and the card, floating-ui), loaded when first needed. */
  loadUi(): Promise<TooltipUi | null>;
  /** "Look up in glossary": the extension shows the term's entry. */
  onLookUp(term: TermView): void;
  /** Whether the user marked `id` as known. */
  isKnown(id: string): boolean;
  /** Whether known terms are drawn faintly, rather than taken off the page. */
  knownStayFaint(): boolean;
  /** Stores the mark; resolves with null once stored, or with why it was not. */
  setKnown(term: TermView, known: boolean): Promise<string | null>;
  /**
   * The reader read `term`'s tooltip: it was pinned, reached from the keyboard, or stayed open
   * under the pointer for READ_MS.
   */
  onRead(term: TermView): void;
  /** The tooltip closed on its own: its term scrolled out of view or left the page. */
  onClosed(): void;
}

export interface TooltipHost {
  /** Gets the tooltip's UI ready: a tooltip may open soon. */
  prepare(): void;
  /**
   * Shows `term` next to the highlight made of `anchors` (one term may span several marks).
   * Pinned, it stays until closed and its buttons are for use; otherwise it is a hover tooltip.
   */
  show(term: TermView, anchors: readonly Element[], options: { pinned: boolean }): void;
  /** Keeps the open tooltip open until it is closed on purpose. */
  pin(): void;
  readonly isOpen: boolean;
  readonly isPinned: boolean;
  hide(): void;
  /** Moves focus to the tooltip's first button; false when it is closed. */
  focusInside(): boolean;
  /** True when `node` is the tooltip (events from inside a shadow root are retargeted to it). */
  contains(node: EventTarget | null): boolean;
  destroy(): void;
}
