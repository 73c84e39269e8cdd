// Wiring test for main.ts: Electron is replaced by a small fake, so we can check that the hardening, the app://
// handler and the IPC bridge are actually connected (the decisions themselves are tested in their own modules).
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.ts';
import { IPC } from '../shared/platform.ts';

type Listener = (...args: any[]) => unknown;

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const appListeners = new Map<string, Listener>();
  const ipcHandlers = new Map<string, Listener>();
  const windows: any[] = [];
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const session = {
    permissionRequest: undefined as Listener | undefined,
    permissionCheck: undefined as Listener | undefined,
    devicePermission: undefined as Listener | undefined,
    beforeRequest: undefined as Listener | undefined,
    protocolHandler: undefined as Listener | undefined,
  };
  const opened: string[] = [];
  let menuTemplate: any[] | undefined;

  function makeContents() {
    const listeners = new Map<string, Listener>();
    return {
      listeners,
      windowOpenHandler: undefined as Listener | undefined,
      mainFrame: { processId: 7, routingId: 1, url: 'app://factmark/index.html' },
      sent: [] as unknown[][],
      on(event: string, fn: Listener) {
        listeners.set(event, fn);
        return this;
      },
      setWindowOpenHandler(fn: Listener) {
        this.windowOpenHandler = fn;
      },
      send(...args: unknown[]) {
        this.sent.push(args);
      },
    };
  }

  class BrowserWindow {
    options: any;
    webContents = makeContents();
    loaded: string | undefined;
    shown = false;
    onceListeners = new Map<string, Listener>();
    constructor(options: any) {
      calls.push('new BrowserWindow');
      this.options = options;
      windows.push(this);
    }
    once(event: string, fn: Listener) {
      this.onceListeners.set(event, fn);
    }
    on() {}
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
    isDestroyed() {
      return false;
    }
    static getAllWindows() {
      return windows;
    }
  }

  const electron = {
    app: {
      isPackaged: true,
      setPath: () => {},
      enableSandbox: () => calls.push('enableSandbox'),
      requestSingleInstanceLock: () => true,
      quit: () => calls.push('quit'),
      on: (event: string, fn: Listener) => appListeners.set(event, fn),
      whenReady: () => ready,
      setAboutPanelOptions: () => {},
      getVersion: () => '0.1.0',
      getPath: () => '/home/ana/Documents',
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => calls.push(`registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => (session.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Listener) => (session.permissionCheck = fn),
        setDevicePermissionHandler: (fn: Listener) => (session.devicePermission = fn),
        webRequest: { onBeforeRequest: (fn: Listener) => (session.beforeRequest = fn) },
        protocol: { handle: (scheme: string, fn: Listener) => scheme === 'app' && (session.protocolHandler = fn) },
      },
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, fn: Listener) => ipcHandlers.set(channel, fn) },
    Menu: { buildFromTemplate: (t: any[]) => t, setApplicationMenu: (t: any[]) => (menuTemplate = t) },
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) },
    shell: { openExternal: async (url: string) => void opened.push(url) },
  };
  return { electron, calls, appListeners, ipcHandlers, windows, session, opened, makeContents, resolveReady, menu: () => menuTemplate };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
// The page files main.ts would read from dist/renderer (beside dist/electron; here: beside electron/).
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const { join } = await import('node:path');
  const pages = new Map([[join(__dirname, '..', 'renderer', 'index.html'), '<!doctype html><div id="root"></div>']]);
  const readFile = async (file: string) => {
    const page = pages.get(file);
    if (page === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return Buffer.from(page);
  };
  return { ...actual, readFile, default: { ...actual, readFile } };
});

beforeAll(async () => {
  await import('./main.ts');
  fake.resolveReady();
  await new Promise((resolve) => setTimeout(resolve, 0));
});

describe('main process wiring', () => {
  it('registers app:// as privileged and enables the sandbox before any window exists', () => {
    const register = fake.calls.findIndex((c) => c.startsWith('registerSchemesAsPrivileged'));
    expect(fake.calls[register]).toBe('registerSchemesAsPrivileged [{"scheme":"app","privileges":{"standard":true,"secure":true,"supportFetchAPI":true,"codeCache":true}}]');
    expect(register).toBeLessThan(fake.calls.indexOf('new BrowserWindow'));
    expect(fake.calls.indexOf('enableSandbox')).toBeLessThan(fake.calls.indexOf('new BrowserWindow'));
  });

  it('opens one hardened window on app://factmark and shows it when ready', () => {
    expect(fake.windows).toHaveLength(1);
    const win = fake.windows[0];
    expect(win.options).toMatchObject({ title: 'Factmark', show: false, webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: false } });
    expect(win.options.webPreferences.preload).toBe(path.join(__dirname, 'preload.cjs'));
    expect(win.loaded).toBe('app://factmark/index.html');
    expect(win.shown).toBe(false);
    win.onceListeners.get('ready-to-show')();
    expect(win.shown).toBe(true);
  });

  it('serves the renderer over app:// with the shared CSP and refuses traversal', async () => {
    const handler = fake.session.protocolHandler! as (request: Request) => Promise<Response>;
    const index = await handler(new Request('app://factmark/'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<div id="root">');
    const missing = await handler(new Request('app://factmark/assets/missing.js'));
    expect(missing.status).toBe(404);
    const traversal = await handler(new Request('app://factmark/..%2f..%2fpackage.json'));
    expect(traversal.status).toBe(403);
  });

  it('denies every permission and every non-app request', () => {
    const decisions: boolean[] = [];
    fake.session.permissionRequest!({}, 'media', (granted: boolean) => decisions.push(granted));
    expect(decisions).toEqual([false]);
    expect(fake.session.permissionCheck!({}, 'clipboard-read')).toBe(false);
    expect(fake.session.devicePermission!({})).toBe(false);
    const results: unknown[] = [];
    fake.session.beforeRequest!({ url: 'https://tracker.example/p.gif' }, (r: unknown) => results.push(r));
    fake.session.beforeRequest!({ url: 'app://factmark/assets/a.js' }, (r: unknown) => results.push(r));
    fake.session.beforeRequest!({ url: 'devtools://devtools/x' }, (r: unknown) => results.push(r)); // packaged: no devtools
    expect(results).toEqual([{ cancel: true }, { cancel: false }, { cancel: true }]);
  });

  it('hardens every web contents: navigation, redirects, new windows, webviews', () => {
    const contents = fake.makeContents();
    fake.appListeners.get('web-contents-created')!({}, contents);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const away = { url: 'https://evil.example/', preventDefault: vi.fn() };
      contents.listeners.get(event)!(away);
      expect(away.preventDefault, event).toHaveBeenCalled();
      const within = { url: 'app://factmark/index.html#/review', preventDefault: vi.fn() };
      contents.listeners.get(event)!(within);
      expect(within.preventDefault, event).not.toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    contents.listeners.get('will-attach-webview')!(webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalled();

    expect(contents.windowOpenHandler!({ url: 'https://example.org/story' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://example.org/story']);
  });

  it('handles every IPC channel and checks the sender against the main window', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(Object.values(IPC).sort());
    const win = fake.windows[0];
    const fromMain = { sender: win.webContents, senderFrame: { ...win.webContents.mainFrame } };
    await fake.ipcHandlers.get(IPC.openExternal)!(fromMain, 'https://example.org/a');
    expect(fake.opened).toContain('https://example.org/a');

    const otherContents = fake.makeContents();
    const fromElsewhere = { sender: otherContents, senderFrame: otherContents.mainFrame };
    await expect(fake.ipcHandlers.get(IPC.openExternal)!(fromElsewhere, 'https://example.org/b')).rejects.toThrow(/main window/);
    const fromSubframe = { sender: win.webContents, senderFrame: { processId: 7, routingId: 99, url: 'app://factmark/index.html' } };
    await expect(fake.ipcHandlers.get(IPC.saveFile)!(fromSubframe, {})).rejects.toThrow(/main window/);
    const fromForeignPage = { sender: win.webContents, senderFrame: { ...win.webContents.mainFrame, url: 'https://evil.example/' } };
    await expect(fake.ipcHandlers.get(IPC.openFiles)!(fromForeignPage, {})).rejects.toThrow(/own page/);
    expect(await fake.ipcHandlers.get(IPC.openFiles)!(fromMain, { title: 'Import', filters: [], multiple: true })).toEqual([]);
  });

  it('installs the menu, whose Import files… reaches the main window', () => {
    const file = fake.menu()!.find((m) => m.label === '&File');
    file.submenu.find((i: any) => i.label === 'Import files…').click();
    expect(fake.windows[0].webContents.sent).toEqual([['factmark:menu-command', 'import-files']]);
  });
});
