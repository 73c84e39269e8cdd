/**
 * Serving the renderer over app://factmark/ from dist/renderer/: URL → file resolution (refusing traversal and
 * foreign hosts), MIME types and security headers. Plain functions; main.ts turns the result into a Response.
 */
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.ts';
import { APP_HOST, APP_SCHEME } from './policies.ts';

export type AppPathResolution = { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps an app:// URL to a file under `rootDir`. The root serves index.html. Every decoded path segment is checked
 * (so `..`, `%2e%2e` and encoded separators such as `..%2f` cannot climb out), and the joined path must stay inside
 * the root.
 */
export function resolveAppPath(requestUrl: string, rootDir: string): AppPathResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:`) return { ok: false, status: 400, reason: `not an ${APP_SCHEME}: URL` };
  if (url.hostname.toLowerCase() !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') {
    return { ok: false, status: 403, reason: `unknown host ${url.host}` };
  }

  // The raw (still encoded) path: the URL parser has already collapsed literal and %2e dot segments, which is
  // fine; what is left must not contain any once decoded.
  const rawSegments = url.pathname.split('/').filter((s) => s !== '');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, reason: 'malformed percent-encoding' };
    }
    if (segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) {
      return { ok: false, status: 403, reason: 'path traversal refused' };
    }
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');

  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  if (!filePath.startsWith(root + path.sep)) return { ok: false, status: 403, reason: 'path traversal refused' };
  return { ok: true, filePath };
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a served file; unknown extensions are opaque bytes (and nosniff stops guessing). */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every app:// response: the one CSP (shared with index.html's meta tag), no sniffing, no referrer. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

/** Answers one app:// request; `readFile` is injected (fs.promises.readFile in main.ts, a fake in tests). */
export async function serveAppRequest(
  request: { url: string; method: string },
  rootDir: string,
  readFile: (filePath: string) => Promise<Uint8Array>,
): Promise<AppResponse> {
  const headers = securityHeaders();
  // Read-only static files: nothing is ever posted to app://.
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return { status: 405, headers: { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, body: 'method not allowed' };
  }
  const resolved = resolveAppPath(request.url, rootDir);
  if (!resolved.ok) {
    return { status: resolved.status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }, body: resolved.reason };
  }
  try {
    const body = await readFile(resolved.filePath);
    return { status: 200, headers: { ...headers, 'Content-Type': mimeTypeFor(resolved.filePath) }, body };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const missing = code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
    return {
      status: missing ? 404 : 500,
      headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
      body: missing ? 'not found' : 'could not read file',
    };
  }
}
