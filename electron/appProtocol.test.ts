import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.ts';
import { mimeTypeFor, resolveAppPath, serveAppRequest } from './appProtocol.ts';

const root = path.resolve('/opt/factmark/dist/renderer');

describe('resolveAppPath', () => {
  it('serves index.html for the root', () => {
    expect(resolveAppPath('app://factmark/', root)).toEqual({ ok: true, filePath: path.join(root, 'index.html') });
    expect(resolveAppPath('app://factmark', root)).toEqual({ ok: true, filePath: path.join(root, 'index.html') });
    expect(resolveAppPath('app://factmark/?q=1#/library', root)).toEqual({ ok: true, filePath: path.join(root, 'index.html') });
  });
  it('maps paths to files under the root, decoding them', () => {
    expect(resolveAppPath('app://factmark/assets/index-3f2a.js', root)).toEqual({ ok: true, filePath: path.join(root, 'assets', 'index-3f2a.js') });
    expect(resolveAppPath('app://factmark/samples/caf%C3%A9%20news.html', root)).toEqual({ ok: true, filePath: path.join(root, 'samples', 'café news.html') });
  });
  it('resolves the chunks the renderer loads on use: imports relative to a chunk stay under assets/', () => {
    // the entry chunk imports the reader's as "./reader-….js"; Vite's preload helper resolves against import.meta.url
    const entry = 'app://factmark/assets/index-3f2a.js';
    for (const chunk of ['reader-B0fulC2o.js', 'jsx-runtime-Wy9s6hX0.js', 'datasets-DtD5aifV.js']) {
      expect(resolveAppPath(new URL(`./${chunk}`, entry).href, root)).toEqual({ ok: true, filePath: path.join(root, 'assets', chunk) });
    }
    expect(mimeTypeFor(path.join(root, 'assets', 'reader-B0fulC2o.js'))).toBe('text/javascript; charset=utf-8');
  });
  it('refuses encoded separators and dot segments that would climb out', () => {
    for (const url of [
      'app://factmark/..%2f..%2fetc%2fpasswd',
      'app://factmark/assets/..%2F..%2F..%2Fsecret',
      'app://factmark/..%5c..%5cwindows%5cwin.ini',
      'app://factmark/%2e%2e%2f%2e%2e%2fetc/passwd',
      'app://factmark/C:%5cWindows%5cwin.ini',
      'app://factmark/a%00.html',
    ]) {
      const result = resolveAppPath(url, root);
      expect(result.ok, url).toBe(false);
      if (!result.ok) expect(result.status, url).toBe(403);
    }
  });
  it('never resolves outside the root for literal or %2e%2e dot segments', () => {
    for (const url of ['app://factmark/../../etc/passwd', 'app://factmark/%2e%2e/%2e%2e/etc/passwd', 'app://factmark/assets/.%2E/.%2e/.%2e/x']) {
      const result = resolveAppPath(url, root);
      if (result.ok) expect(result.filePath.startsWith(root + path.sep), url).toBe(true);
    }
    expect(resolveAppPath('app://factmark/../../etc/passwd', root)).toEqual({ ok: true, filePath: path.join(root, 'etc', 'passwd') });
  });
  it('refuses unknown hosts, other schemes, ports, credentials and bad encoding', () => {
    expect(resolveAppPath('app://evil/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppPath('app://factmark:81/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppPath('app://u:p@factmark/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppPath('file:///etc/passwd', root)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppPath('app://factmark/%E0%A4%A', root)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppPath('::::', root)).toMatchObject({ ok: false, status: 400 });
  });
});

describe('mimeTypeFor', () => {
  it('knows the types a Vite build emits', () => {
    expect(mimeTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/x/assets/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/x/assets/a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/x/icon.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('/x/font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/x/data.json')).toBe('application/json; charset=utf-8');
    expect(mimeTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
    expect(mimeTypeFor('/x/noextension')).toBe('application/octet-stream');
  });
});

describe('serveAppRequest', () => {
  const files = new Map<string, string>([
    [path.join(root, 'index.html'), '<!doctype html><title>Factmark</title>'],
    [path.join(root, 'assets', 'app.js'), 'console.log(1)'],
  ]);
  const readFile = async (file: string) => {
    const text = files.get(file);
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
    return new TextEncoder().encode(text);
  };

  it('serves index.html for the root with the shared CSP and nosniff', async () => {
    const response = await serveAppRequest({ url: 'app://factmark/', method: 'GET' }, root, readFile);
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['Content-Security-Policy']).toContain("script-src 'self'");
    expect(response.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(new TextDecoder().decode(response.body as Uint8Array)).toContain('<title>Factmark</title>');
  });
  it('serves assets with their MIME type', async () => {
    const response = await serveAppRequest({ url: 'app://factmark/assets/app.js', method: 'GET' }, root, readFile);
    expect(response).toMatchObject({ status: 200, headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
  });
  it('answers 404 for missing files and 403 for traversal, still with the CSP', async () => {
    const missing = await serveAppRequest({ url: 'app://factmark/nope.js', method: 'GET' }, root, readFile);
    expect(missing.status).toBe(404);
    const traversal = await serveAppRequest({ url: 'app://factmark/..%2f..%2fetc%2fpasswd', method: 'GET' }, root, readFile);
    expect(traversal.status).toBe(403);
    expect(traversal.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    const foreign = await serveAppRequest({ url: 'app://elsewhere/index.html', method: 'GET' }, root, readFile);
    expect(foreign.status).toBe(403);
  });
  it('refuses anything but GET and HEAD', async () => {
    const response = await serveAppRequest({ url: 'app://factmark/index.html', method: 'POST' }, root, readFile);
    expect(response.status).toBe(405);
    expect((await serveAppRequest({ url: 'app://factmark/index.html', method: 'HEAD' }, root, readFile)).status).toBe(200);
  });
  it('answers 500 without details when a file cannot be read', async () => {
    const response = await serveAppRequest({ url: 'app://factmark/index.html', method: 'GET' }, root, async () => {
      throw Object.assign(new Error('EACCES: permission denied, open /secret/path'), { code: 'EACCES' });
    });
    expect(response.status).toBe(500);
    expect(String(response.body)).not.toContain('/secret/path');
  });
});
