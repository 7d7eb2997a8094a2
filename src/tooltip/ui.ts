import { clearCard, renderCard } from './Card';
import { followTerm } from './position';

/**
 * What the tooltip draws with: the Preact card and its placement. Loaded into the content
 * script's world only when a page's first tooltip is about to open (see loader.ts), so the
 * pages a reader never hovers parse none of it.
 */
export const tooltipUi = { renderCard, clearCard, followTerm };

export type TooltipUi = typeof tooltipUi;
