/**
 * The application menu as plain data (structurally an Electron MenuItemConstructorOptions[]), built without
 * importing Electron so tests can check, e.g., that developer tools appear only in development.
 */

import { MENU_COMMAND_CHANNEL, isMenuCommand, type MenuCommand } from '../shared/platform.ts';

export { MENU_COMMAND_CHANNEL, isMenuCommand, type MenuCommand };

type Role =
  | 'appMenu'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'windowMenu'
  | 'about';

export interface MenuItemSpec {
  label?: string;
  role?: Role;
  type?: 'separator';
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItemSpec[];
}

export interface MenuOptions {
  isMac: boolean;
  isDev: boolean;
  /** Sends a command to the renderer of the main window. */
  sendCommand: (command: MenuCommand) => void;
}

const separator: MenuItemSpec = { type: 'separator' };

export function buildMenuTemplate({ isMac, isDev, sendCommand }: MenuOptions): MenuItemSpec[] {
  const file: MenuItemSpec = {
    label: '&File',
    submenu: [
      { label: 'Import files…', accelerator: 'CmdOrCtrl+O', click: () => sendCommand('import-files') },
      { label: 'Import folder…', accelerator: 'CmdOrCtrl+Shift+O', click: () => sendCommand('import-folder') },
      // On macOS Quit lives in the app menu.
      ...(isMac ? [] : [separator, { role: 'quit' as const }]),
    ],
  };
  const edit: MenuItemSpec = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemSpec = {
    label: '&View',
    submenu: [
      ...(isDev ? [{ role: 'reload' as const }, { role: 'forceReload' as const }, { role: 'toggleDevTools' as const }, separator] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemSpec = { label: '&Help', submenu: [{ role: 'about', label: 'About Factmark' }] };

  return [...(isMac ? [{ role: 'appMenu' as const }] : []), file, edit, view, ...(isMac ? [{ role: 'windowMenu' as const }] : []), help];
}
