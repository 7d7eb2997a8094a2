import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * crxjs names each `?script&iife` import in the code by a placeholder hashed from the script's
 * absolute path (`import.meta.CRX_DYNAMIC_SCRIPT_<hash>`), and swaps in the file's name only
 * after the chunks' own names are hashed. So the chunks that inject a script got other names on
 * every machine, and a store reviewer's rebuild of the source could not match ours byte for
 * byte. This puts the file's name in before the chunks are hashed, from the same hash crxjs
 * (3.0.0) computes; a placeholder it does not know is left to crxjs, and the reproducibility
 * test (test/release) says when they drift apart.
 */
export function stableScriptNames(entries: readonly string[], root: string): Plugin {
  const crxHash = (data: string) =>
    createHash('sha1')
      .update(data)
      .digest('base64')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 5);
  const fileNames = new Map(
    entries.map((entry) => [
      crxHash(`iife&${resolve(root, entry)}`),
      entry.replace(/\.ts$/, '.js'),
    ]),
  );
  return {
    name: 'eaig:stable-script-names',
    apply: 'build',
    renderChunk(code) {
      const stable = code.replace(
        /\b(?:import\.meta|import_meta)\.CRX_DYNAMIC_SCRIPT_([A-Za-z0-9]+)(?![A-Za-z0-9])/g,
        (placeholder, id: string) => {
          const fileName = fileNames.get(id);
          return fileName ? JSON.stringify(fileName) : placeholder;
        },
      );
      return stable === code ? null : { code: stable, map: null };
    },
  };
}
