/** A tiny static server: the built renderer at /, the bench page and its script at /bench/. */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

/** roots: [url prefix, directory][], longest prefix first. Resolves to { url, close }. */
export function serve(roots) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const [prefix, dir] = roots.find(([p]) => path.startsWith(p));
    const rel = normalize(path.slice(prefix.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(dir, rel.endsWith('/') ? `${rel}index.html` : rel));
      // scripts and styles (content-hashed in the build; the bench's own are rebuilt per run, on a new port) may be
      // cached, so Chromium's V8 code cache works as it does for the app's app:// scheme, registered with the
      // codeCache privilege (electron/main): from the second start on, the scripts are not compiled again
      const cached = ['.js', '.css'].includes(extname(rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream', 'cache-control': cached ? 'public, max-age=31536000, immutable' : 'no-store', 'access-control-allow-origin': '*' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) })),
  );
}
