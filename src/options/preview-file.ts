import { ImportError } from '../import/import-error';
import {
  checkSize,
  type GlossaryPreview,
  looksLikeTbx,
  previewGlossary,
} from '../import/read-file';
import type { PreviewAnswer, PreviewRequest } from '../messages/messages';

/**
 * A picked or dropped file's preview, the options page answering meanwhile: CSV and JSON are
 * read and checked in a worker (preview-worker.ts); TBX here, with the page's XML parser,
 * which workers lack. A worker that cannot start leaves the work to the page.
 */
export async function previewFile(file: File): Promise<GlossaryPreview> {
  // A file too large is refused before it is read into memory.
  checkSize(file.size);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (looksLikeTbx(file.name, new TextDecoder().decode(bytes.subarray(0, 64)))) {
    return previewGlossary(file.name, bytes);
  }
  let answer: PreviewAnswer;
  try {
    answer = await inWorker({ name: file.name, bytes });
  } catch {
    return previewGlossary(file.name, bytes);
  }
  if ('preview' in answer) {
    return answer.preview;
  }
  if ('refused' in answer) {
    throw new ImportError(answer.refused);
  }
  throw new Error(answer.failed);
}

function inWorker(request: PreviewRequest): Promise<PreviewAnswer> {
  const worker = new Worker(new URL('./preview-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<PreviewAnswer>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<PreviewAnswer>) => resolve(data);
    worker.onerror = (event) => reject(new Error(event.message));
    // A copy, not a transfer: the page keeps its bytes should the worker fail.
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}
