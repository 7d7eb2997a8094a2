import { pageApi } from '../platform/page-api';
import { startContentScript } from './content-script';

// The script may be injected again into a page that already has it (a shortcut press after a
// grant, say); the isolated world keeps this flag, the page never sees it.
const flagHolder = globalThis as { __ethicalAiGlossary?: boolean };

if (!flagHolder.__ethicalAiGlossary) {
  flagHolder.__ethicalAiGlossary = true;
  startContentScript(pageApi, () => {
    flagHolder.__ethicalAiGlossary = false;
  });
}
