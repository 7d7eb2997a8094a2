import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * crxjs builds a `?script&iife` import as one self-contained file, but still lists it in
 * `web_accessible_resources` (which would let any page detect the extension) and leaves the
 * intermediate ES-module chunk beside it. The scripting API needs neither: this removes both
 * from the written build, for each of `entries`.
 */
export function selfContainedScripts(entries: readonly string[], outDir: string): Plugin {
  const leftovers: string[] = [];
  return {
    name: 'eaig:self-contained-scripts',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
      for (const chunk of chunks) {
        // The IIFE arrives as an asset from a secondary build; any chunk of the entry is the leftover.
        const module = chunk.facadeModuleId?.split('?')[0];
        if (module && entries.some((entry) => module.endsWith(entry))) {
          leftovers.push(chunk.fileName);
        }
      }
      // So is a chunk that only leftovers import (code the scripts share, say), and so on down.
      const usedElsewhere = (name: string) =>
        chunks.some(
          (c) =>
            !leftovers.includes(c.fileName) &&
            (c.imports.includes(name) || c.dynamicImports.includes(name)),
        );
      const unused = () =>
        chunks.filter(
          (c) => !c.isEntry && !leftovers.includes(c.fileName) && !usedElsewhere(c.fileName),
        );
      for (let found = unused(); found.length; found = unused()) {
        leftovers.push(...found.map((c) => c.fileName));
      }
    },
    writeBundle() {
      for (const name of leftovers) {
        rmSync(join(outDir, name), { force: true });
      }
      const path = join(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      delete manifest.web_accessible_resources;
      writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}
