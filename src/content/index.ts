import { pageApi } from '../platform/page-api';
import { startContentScript } from './content-script';

/**
 * The script may be injected again into a page that already has it (a shortcut press after a
 * grant, say); the isolated world keeps this flag, the page never sees it. A symbol, not a
 * name: Chromium's content scripts see the page's named elements as globals, so a page with
 * `id="__ethicalAiGlossary"` would otherwise pass for a running copy and keep us out.
 */
const RUNNING = Symbol.for('ethical-ai-glossary.running');
const flagHolder = globalThis as { [RUNNING]?: boolean };

if (flagHolder[RUNNING] !== true) {
  flagHolder[RUNNING] = true;
  startContentScript(pageApi, () => {
    flagHolder[RUNNING] = false;
  });
}
