/**
 * Electron main process: one window serving the renderer from app://factmark/, hardened per Electron's security
 * checklist (docs/SECURITY.md), a small menu and the validated IPC bridge. Every decision lives in a plain module
 * (policies, appProtocol, ipcValidation, ipcHandlers, menu) tested under Node; this file only wires them up.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import { IPC } from '../shared/platform.ts';
import { serveAppRequest } from './appProtocol.ts';
import { createIpcHandlers } from './ipcHandlers.ts';
import type { IpcSender } from './ipcValidation.ts';
import { MENU_COMMAND_CHANNEL, buildMenuTemplate } from './menu.ts';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  buildWindowOptions,
  isNavigationAllowed,
  isPermissionGranted,
  isRequestAllowed,
  isSafeExternalUrl,
} from './policies.ts';

// Bundled to dist/electron/main.cjs: the renderer build sits beside it in dist/renderer (also inside app.asar).
const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
const isDev = !app.isPackaged;

// Lets tests (e2e/electron.spec.ts) start from an empty profile; must precede the single-instance lock.
const userDataOverride = process.env.FACTMARK_USER_DATA_DIR;
if (userDataOverride) app.setPath('userData', path.resolve(userDataOverride));

// Must happen before 'ready': app:// behaves like https (standard, secure origin) so IndexedDB and fetch work.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No new windows ever; a web link asked for with window.open goes to the system browser instead.
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionGranted(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isRequestAllowed(details.url, isDev) }));
  ses.protocol.handle(APP_SCHEME, async (request) => {
    const response = await serveAppRequest({ url: request.url, method: request.method }, rendererDir, (file) => fs.readFile(file));
    const body = request.method === 'HEAD' ? null : typeof response.body === 'string' ? response.body : new Uint8Array(response.body);
    return new Response(body, { status: response.status, headers: response.headers });
  });
}

function senderOf(event: IpcMainInvokeEvent): IpcSender {
  const frame = event.senderFrame;
  const win = mainWindow;
  const mainFrame = win && !win.isDestroyed() ? win.webContents.mainFrame : null;
  return {
    frameUrl: frame?.url,
    isMainWindowFrame:
      frame !== null &&
      mainFrame !== null &&
      event.sender === win?.webContents &&
      frame.processId === mainFrame.processId &&
      frame.routingId === mainFrame.routingId,
  };
}

function registerIpc(): void {
  const parent = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined);
  const handlers = createIpcHandlers({
    dialog: {
      showOpenDialog: (options) => {
        const win = parent();
        return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
      },
      showSaveDialog: (options) => {
        const win = parent();
        return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
      },
    },
    fs: {
      stat: (file) => fs.stat(file),
      readFile: (file) => fs.readFile(file),
      readdir: (dir) => fs.readdir(dir, { withFileTypes: true }),
      writeFile: (file, data) => fs.writeFile(file, data),
    },
    shell: { openExternal: (url) => shell.openExternal(url) },
    defaultSaveDirectory: app.getPath('documents'),
  });
  ipcMain.handle(IPC.openFiles, (event, arg: unknown) => handlers[IPC.openFiles](senderOf(event), arg));
  ipcMain.handle(IPC.openFolder, (event, arg: unknown) => handlers[IPC.openFolder](senderOf(event), arg));
  ipcMain.handle(IPC.saveFile, (event, arg: unknown) => handlers[IPC.saveFile](senderOf(event), arg));
  ipcMain.handle(IPC.openExternal, (event, arg: unknown) => handlers[IPC.openExternal](senderOf(event), arg));
}

function createMainWindow(): void {
  const win = new BrowserWindow(buildWindowOptions({ preloadPath, isDev }));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
}

function installMenu(): void {
  const template = buildMenuTemplate({
    isMac: process.platform === 'darwin',
    isDev,
    sendCommand: (command) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(MENU_COMMAND_CHANNEL, command);
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

if (!app.requestSingleInstanceLock()) {
  // Another Factmark is running with this profile: it gets focused (below) and this one leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    app.setAboutPanelOptions({ applicationName: 'Factmark', applicationVersion: app.getVersion() });
    hardenSession();
    registerIpc();
    installMenu();
    createMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
    });
  });
}
