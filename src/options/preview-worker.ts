import { ImportError } from '../import/import-error';
import { previewGlossary } from '../import/read-file';
import type { PreviewAnswer, PreviewRequest } from '../messages/messages';

/**
 * Reads and checks a CSV or JSON glossary off the options page's thread: ten thousand rows take
 * seconds on a slow machine, and the page must answer meanwhile. (TBX needs the page's XML
 * parser, which workers do not have: the page reads it itself.)
 */
self.onmessage = ({ data }: MessageEvent<PreviewRequest>) => {
  let answer: PreviewAnswer;
  try {
    answer = { preview: previewGlossary(data.name, data.bytes) };
  } catch (error) {
    answer = error instanceof ImportError ? { refused: error.message } : { failed: String(error) };
  }
  self.postMessage(answer);
};
