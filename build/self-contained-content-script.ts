import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * crxjs builds a `?script&iife` import as one self-contained file, but still lists it in
 * `web_accessible_resources` (which would let any page detect the extension) and leaves the
 * intermediate ES-module chunk beside it. The scripting API needs neither: this removes both
 * from the written build.
 */
export function selfContainedContentScript(entry: string, outDir: string): Plugin {
  const leftovers: string[] = [];
  return {
    name: 'eaig:self-contained-content-script',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        // The IIFE arrives as an asset from a secondary build; any chunk of the entry is the leftover.
        if (file.type === 'chunk' && file.facadeModuleId?.split('?')[0]?.endsWith(entry)) {
          leftovers.push(file.fileName);
        }
      }
    },
    writeBundle() {
      for (const name of leftovers) rmSync(join(outDir, name), { force: true });
      const path = join(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      delete manifest.web_accessible_resources;
      writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}
