/**
 * Security decisions of the main process as plain functions (no Electron import), so they are unit-tested under
 * Node. electron/main.ts only wires them to Electron's events. docs/SECURITY.md maps each to the checklist.
 */
export { isSafeExternalUrl } from '../shared/urls.ts';

/** The privileged custom scheme and the single host the app is served from: app://factmark/index.html. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'factmark';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges of app:// (for protocol.registerSchemesAsPrivileged): standard + secure so IndexedDB and fetch work;
 * codeCache so V8 keeps the compiled code of the app's scripts between launches (Chromium does that only for http(s)
 * unless a custom scheme asks), which takes compiling off starting the app and opening its first article.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for URLs of our own origin (app://factmark; hosts are case-insensitive), with no credentials or port to
 * smuggle anything in.
 */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.hostname.toLowerCase() === APP_HOST && u.port === '' && u.username === '' && u.password === '';
}

/** will-navigate / will-redirect: only moves within our own origin are allowed (everything else is prevented). */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/**
 * Requests the renderer may make at all (session.webRequest): our origin, in-memory data/blob URLs and, in
 * development only, the DevTools front end. Nothing from the network or the file system: the app is offline.
 */
export function isRequestAllowed(url: string, isDev: boolean): boolean {
  if (isAppUrl(url)) return true;
  const u = parse(url);
  if (u === null) return false;
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  return isDev && u.protocol === 'devtools:';
}

/** Every permission (camera, notifications, clipboard read, geolocation, …) is refused: Factmark needs none. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

/** The webPreferences of every Factmark window: isolated, sandboxed, no Node, web security on. */
export function buildWebPreferences(options: { preloadPath: string; isDev: boolean }) {
  return {
    preload: options.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.isDev,
  } as const;
}

/** The main window: its title, size, a background matching the app so nothing flashes, shown when ready. */
export function buildWindowOptions(options: { preloadPath: string; isDev: boolean }) {
  return {
    title: 'Factmark',
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: buildWebPreferences(options),
  } as const;
}
