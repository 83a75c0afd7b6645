/** A static server for a build, as a static host serves it: under a base path, with 404.html for unknown URLs. */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, extname, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticSite {
  /** Origin plus base path, e.g. `http://127.0.0.1:41234/podpapka/`. */
  url: string;
  close(): Promise<void>;
}

async function fileFor(dist: string, path: string): Promise<string | undefined> {
  const candidate = join(dist, normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, ''));
  for (const file of [candidate, join(candidate, 'index.html')]) {
    if (await stat(file).then((s) => s.isFile(), () => false)) return file;
  }
  return undefined;
}

export async function serve(dist: string, base = '/'): Promise<StaticSite> {
  const server: Server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const file = pathname.startsWith(base) ? await fileFor(dist, pathname.slice(base.length)) : undefined;
    const served = file ?? join(dist, '404.html');
    response.writeHead(file ? 200 : 404, { 'content-type': TYPES[extname(served)] ?? 'application/octet-stream' });
    response.end(await readFile(served));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
