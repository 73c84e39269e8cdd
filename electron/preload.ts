/**
 * Preload (sandboxed: only 'electron' may be required; esbuild bundles the rest). Exposes the PlatformApi as
 * `window.factmark` through the context bridge; each method is one ipcRenderer.invoke, validated in main.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC, MENU_COMMAND_CHANNEL, isMenuCommand, type PickedFile, type PlatformApi } from '../shared/platform.ts';
import { unwrapIpcErrorMessage } from './bridgeErrors.ts';

async function invoke<T>(channel: string, arg: unknown): Promise<T> {
  try {
    return (await ipcRenderer.invoke(channel, arg)) as T;
  } catch (error) {
    throw new Error(unwrapIpcErrorMessage(error instanceof Error ? error.message : String(error)));
  }
}

const api: PlatformApi = {
  kind: 'electron',
  openFiles: (options) => invoke<PickedFile[]>(IPC.openFiles, options),
  openFolder: (options) => invoke<PickedFile[]>(IPC.openFolder, options),
  saveFile: (options) => invoke<boolean>(IPC.saveFile, options),
  openExternal: (url) => invoke<void>(IPC.openExternal, url),
  onMenuCommand(listener) {
    const handler = (_event: unknown, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('factmark', api);
