import { readFileSync } from 'node:fs';

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}
