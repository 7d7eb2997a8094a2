import { UI_RECEIVER, type UiReceiver } from './loader';
import { tooltipUi } from './ui';

// The entry the background injects into the frame that asked for it (the scripting API, into
// the extension's own isolated world): it hands the tooltip's UI to the content script there.
const receiver = (globalThis as Record<string, unknown>)[UI_RECEIVER];
// A page element named like the receiver is no function: only the content script's one counts.
if (typeof receiver === 'function') {
  (receiver as UiReceiver)(tooltipUi);
}
