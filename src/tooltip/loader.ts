import type { TooltipUi } from './ui';

/**
 * The content script's side of the tooltip's lazy loading. The tooltip's UI (Preact, the card,
 * floating-ui) is a script of its own that the background injects into this frame's isolated
 * world on request: no web-accessible resource, nothing a page can fetch or see. The injected
 * script finds the receiver this module leaves in the isolated world's global scope, which the
 * page cannot reach, and hands the UI over.
 */

export const UI_RECEIVER = '__eaigTooltipUi';
export type UiReceiver = (ui: TooltipUi) => void;

/**
 * Returns `load`: the UI once it is here, or null when it could not be had (the extension
 * went away, the site's access was taken back); a later call tries again.
 * `request` asks the background to inject the UI's script, resolving once it has run.
 */
export function tooltipUiLoader(request: () => Promise<unknown>): () => Promise<TooltipUi | null> {
  let ui: TooltipUi | null = null;
  let pending: Promise<TooltipUi | null> | null = null;
  const scope = globalThis as Record<string, unknown>;
  return () => {
    if (ui) {
      return Promise.resolve(ui);
    }
    pending ??= new Promise<TooltipUi | null>((resolve) => {
      scope[UI_RECEIVER] = ((received: TooltipUi) => {
        ui = received;
        resolve(received);
      }) satisfies UiReceiver;
      // The script has run when the request resolves: no UI by then means none is coming.
      request().then(
        () => resolve(ui),
        () => resolve(null),
      );
    }).finally(() => {
      pending = null;
      if (ui) {
        delete scope[UI_RECEIVER];
      }
    });
    return pending;
  };
}
