import browser from 'webextension-polyfill';
import highlightCss from '../content/highlight.css?url';
import contentScript from '../content/index.ts?script&iife';
import tooltipScript from '../tooltip/bundle.ts?script&iife';
import { grantedPatterns } from './access';

/** How the content script gets onto pages: registered for granted sites, or injected on request. */

const SCRIPT_ID = 'eaig-highlighter';
// Both are extension-relative paths; the scripting API wants them without a leading slash.
const JS = contentScript.replace(/^\//, '');
const CSS = highlightCss.replace(/^\//, '');
const TOOLTIP_JS = tooltipScript.replace(/^\//, '');

/** Makes the registered content script match exactly the sites the user granted, no more. */
export async function syncRegisteredScript(): Promise<string[]> {
  const matches = await grantedPatterns();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (!matches.length) {
    if (existing.length) {
      await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    }
    return matches;
  }
  const script = {
    id: SCRIPT_ID,
    matches,
    js: [JS],
    css: [CSS],
    // As soon as the page is parsed, before its images: the first pass decides whether to
    // wait for hydration (content/page-settled.ts).
    runAt: 'document_end' as const,
    // Frames of granted sites too, and the about:blank and srcdoc frames they write into.
    allFrames: true,
    matchOriginAsFallback: true,
  };
  if (existing.length) {
    await browser.scripting.updateContentScripts([script]);
  } else {
    await browser.scripting.registerContentScripts([script]);
  }
  return matches;
}

/** Highlights one tab now: the user asked (toolbar, shortcut) or the site was just granted. */
export async function injectInto(tabId: number): Promise<void> {
  await browser.scripting.insertCSS({ target: { tabId }, files: [CSS] });
  await browser.scripting.executeScript({ target: { tabId }, files: [JS] });
}

/**
 * Puts the tooltip's UI into the one frame whose content script asked for it, in the
 * extension's isolated world there. The content script runs only where the extension may
 * read the page, so the same access lets this in.
 */
export async function injectTooltipUi(tabId: number, frameId: number): Promise<void> {
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    files: [TOOLTIP_JS],
  });
}
