// Static server for tests/fixtures/ on 127.0.0.1 — used by the e2e harness and by `npm start`.
//
//   const server = await startFixtureServer();
//   server.url('seed-article.html')            // http://127.0.0.1:<port>/seed-article.html
//   server.route('/spa', '<!doctype html>…')   // extra page, served as text/html
//   server.route('/data.json', { body: '{}', type: 'application/json', status: 200 })
//   await server.close();
//
// Responses carry `Cache-Control: no-store` so a test that changes a route sees the new body on reload.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface RouteResponse {
  body: string | Uint8Array;
  type?: string;
  status?: number;
  headers?: Record<string, string>;
}

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  route(path: string, response: string | RouteResponse): void;
  /** Every path requested so far, in order (the privacy test checks nobody asked for anything else). */
  requests: string[];
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export async function startFixtureServer(root: string = FIXTURES_DIR): Promise<FixtureServer> {
  const routes = new Map<string, RouteResponse>();
  const requests: string[] = [];

  const server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      requests.push(pathname);
      const routed = routes.get(pathname);
      const response = routed ?? (await readFixture(root, pathname));
      res.writeHead(response.status ?? 200, {
        'content-type': response.type ?? 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...response.headers,
      });
      res.end(response.body);
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    url: (path) => new URL(path, `${origin}/`).href,
    requests,
    route(path, response) {
      routes.set(path.startsWith('/') ? path : `/${path}`, typeof response === 'string' ? { body: response } : response);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function readFixture(root: string, pathname: string): Promise<RouteResponse> {
  if (pathname === '/') return { body: await indexPage(root) };
  // Browsers ask for it on every page; a 404 would show up as a console error in every test.
  if (pathname === '/favicon.ico') return { body: '', status: 204 };
  const file = normalize(join(root, pathname));
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return notFound();
  try {
    return { body: await readFile(file), type: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' };
  } catch {
    return notFound();
  }
}

async function indexPage(root: string): Promise<string> {
  const entries = await readdir(root, { recursive: true });
  const pages = entries.filter((name) => name.endsWith('.html')).map((name) => name.split(sep).join('/')).sort();
  const items = pages.map((name) => `<li><a href="/${encodeURI(name)}">${name}</a></li>`).join('\n');
  return `<!doctype html><meta charset="utf-8"><title>ClaimTrail fixtures</title><h1>ClaimTrail fixtures</h1><ul>\n${items}\n</ul>`;
}

function notFound(): RouteResponse {
  return { body: 'Not found', type: 'text/plain; charset=utf-8', status: 404 };
}
