import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
};

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /**
   * Files a `*-late.html` page asks for (its scripts) are sent this much later: a large bundle
   * on a slow network, arriving after the page's server-rendered text is on screen.
   */
  lateMs?: number;
  /** Put at the top of every HTML page's head, before any of its own scripts. */
  probe?: string;
}

/**
 * Serves `root` on a loopback address at a free port: tests never leave the machine. A second
 * address (127.0.0.2) is a different site, one the extension was not granted. A request whose
 * address asks `?hold=<ms>` is answered that much later: an image, ad or embed on a slow
 * network, which holds back the page's load event.
 */
export async function serveDirectory(
  root: string,
  host = '127.0.0.1',
  { lateMs = 0, probe }: ServeOptions = {},
): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = normalize(decodeURIComponent(url.pathname));
    if (path.includes('..')) {
      res.writeHead(400).end();
      return;
    }
    const late = lateMs > 0 && /-late\.html$/.test(req.headers.referer ?? '');
    const holdMs = late ? lateMs : Number(url.searchParams.get('hold') ?? 0);
    readFile(join(root, path)).then(
      (file) => {
        const body =
          probe && extname(path) === '.html'
            ? file.toString('utf8').replace(/<head(\s[^>]*)?>/i, (head) => `${head}${probe}`)
            : file;
        const send = () => {
          res.writeHead(200, {
            'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
          });
          res.end(body);
        };
        if (holdMs > 0) {
          setTimeout(send, holdMs);
        } else {
          send();
        }
      },
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    // close() alone waits for every open connection, and a browser may hold one open (a
    // speculative or keep-alive socket) past the last page: CI once waited out a 120 s hook.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
