import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  buildWebPreferences,
  buildWindowOptions,
  isAppUrl,
  isNavigationAllowed,
  isPermissionGranted,
  isRequestAllowed,
  isSafeExternalUrl,
} from './policies.ts';

describe('isAppUrl', () => {
  it('accepts our own origin', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://factmark/')).toBe(true);
    expect(isAppUrl('app://factmark/assets/index-abc.js?x=1#top')).toBe(true);
    expect(isAppUrl('app://FACTMARK/index.html')).toBe(true);
  });
  it('refuses other hosts, schemes, ports and credentials', () => {
    for (const url of [
      'app://evil/index.html',
      'app://factmark.evil.com/',
      'app://factmark:8080/',
      'app://user:pw@factmark/',
      'https://factmark/',
      'file:///factmark/index.html',
      'javascript:alert(1)',
      'about:blank',
      '',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts web links only', () => {
    expect(isSafeExternalUrl('https://www.reuters.com/world/')).toBe(true);
    expect(isSafeExternalUrl('http://example.org/a?b=c')).toBe(true);
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<script>x</script>', 'app://factmark/', 'smb://host/share', 'mailto:a@b.c', 'https://']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('navigation and requests', () => {
  it('allows navigation only within app://factmark', () => {
    expect(isNavigationAllowed('app://factmark/index.html#/review')).toBe(true);
    expect(isNavigationAllowed('https://example.org/')).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd')).toBe(false);
    expect(isNavigationAllowed('app://other/index.html')).toBe(false);
  });
  it('blocks all network and file requests; devtools only in development', () => {
    expect(isRequestAllowed('app://factmark/assets/a.js', false)).toBe(true);
    expect(isRequestAllowed('data:image/png;base64,AAAA', false)).toBe(true);
    expect(isRequestAllowed('blob:app://factmark/1234', false)).toBe(true);
    expect(isRequestAllowed('https://cdn.example.com/x.js', false)).toBe(false);
    expect(isRequestAllowed('http://tracker.example/pixel.gif', true)).toBe(false);
    expect(isRequestAllowed('file:///etc/passwd', true)).toBe(false);
    expect(isRequestAllowed('ws://localhost:1234/', true)).toBe(false);
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', true)).toBe(true);
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', false)).toBe(false);
  });
  it('grants no permission', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      expect(isPermissionGranted(p)).toBe(false);
    }
  });
});

describe('window options', () => {
  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    const prefs = buildWebPreferences({ preloadPath: '/app/dist/electron/preload.cjs', isDev: false });
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(buildWebPreferences({ preloadPath: 'p', isDev: true }).devTools).toBe(true);
  });
  it('opens a titled, sensibly sized window that shows when ready', () => {
    const options = buildWindowOptions({ preloadPath: 'p', isDev: false });
    expect(options).toMatchObject({ title: 'Factmark', width: 1280, height: 860, minWidth: 900, minHeight: 600, show: false });
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
  it('registers app:// as standard, secure, fetch-capable and code-cached', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true });
  });
});
