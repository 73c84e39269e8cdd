/**
 * What each IPC channel does, with Electron's dialog, the file system and the shell injected as small interfaces
 * so the logic (sender check, argument validation, size limit, cancel handling) is tested under Node.
 *
 * Oversize files: openFiles stats every picked file before reading any, and if one is larger than the limit it
 * rejects the whole pick with an Error naming the file(s) and the limit. PickedFile has no error field, and
 * refusing before reading anything means nothing is half-imported: the user sees why and picks again.
 */
import path from 'node:path';
import { IPC, type FileFilter, type PickedFile } from '../shared/platform.ts';
import {
  LIMITS,
  assertTrustedSender,
  formatBytes,
  validateExternalUrl,
  validateOpenFilesArgs,
  validateSaveFileArgs,
  type IpcSender,
} from './ipcValidation.ts';

/** The subset of Electron's dialog module used here (main.ts binds it to the main window). */
export interface DialogPort {
  showOpenDialog(options: {
    title: string;
    filters: FileFilter[];
    properties: Array<'openFile' | 'multiSelections'>;
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<{ canceled: boolean; filePath?: string }>;
}

export interface FileSystemPort {
  stat(filePath: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(filePath: string): Promise<Uint8Array>;
  writeFile(filePath: string, data: Uint8Array): Promise<void>;
}

export interface ShellPort {
  openExternal(url: string): Promise<void>;
}

export interface IpcDeps {
  dialog: DialogPort;
  fs: FileSystemPort;
  shell: ShellPort;
  /** Folder the save dialog starts in (the user's Documents). */
  defaultSaveDirectory: string;
  /** Overridable for tests; defaults to LIMITS.openFileBytes. */
  maxOpenFileBytes?: number;
}

export interface IpcHandlers {
  [IPC.openFiles](sender: IpcSender, args: unknown): Promise<PickedFile[]>;
  [IPC.saveFile](sender: IpcSender, args: unknown): Promise<boolean>;
  [IPC.openExternal](sender: IpcSender, url: unknown): Promise<void>;
}

/** A readable reason for a file-system error, without stack or internals. */
function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'the file no longer exists';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

export function createIpcHandlers(deps: IpcDeps): IpcHandlers {
  const maxBytes = deps.maxOpenFileBytes ?? LIMITS.openFileBytes;

  return {
    async [IPC.openFiles](sender, raw) {
      assertTrustedSender(IPC.openFiles, sender);
      const args = validateOpenFilesArgs(IPC.openFiles, raw);
      const result = await deps.dialog.showOpenDialog({
        title: args.title,
        filters: args.filters,
        properties: args.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      });
      if (result.canceled || result.filePaths.length === 0) return [];

      const sizes = await Promise.all(
        result.filePaths.map(async (filePath) => {
          const name = path.basename(filePath);
          let stats: { size: number; isFile(): boolean };
          try {
            stats = await deps.fs.stat(filePath);
          } catch (error) {
            throw new Error(`Could not open “${name}”: ${describeFsError(error)}.`);
          }
          if (!stats.isFile()) throw new Error(`Could not open “${name}”: it is not a regular file.`);
          return { filePath, name, size: stats.size };
        }),
      );
      const tooBig = sizes.filter((f) => f.size > maxBytes);
      if (tooBig.length > 0) {
        const list = tooBig.map((f) => `“${f.name}” (${formatBytes(f.size)})`).join(', ');
        throw new Error(`${tooBig.length === 1 ? 'This file is' : 'These files are'} too large to open: ${list}. Factmark opens files up to ${formatBytes(maxBytes)}. Nothing was imported.`);
      }

      const picked: PickedFile[] = [];
      for (const { filePath, name } of sizes) {
        let bytes: Uint8Array;
        try {
          bytes = await deps.fs.readFile(filePath);
        } catch (error) {
          throw new Error(`Could not read “${name}”: ${describeFsError(error)}.`);
        }
        // The file may have grown between stat and read.
        if (bytes.byteLength > maxBytes) {
          throw new Error(`This file is too large to open: “${name}” (${formatBytes(bytes.byteLength)}). Factmark opens files up to ${formatBytes(maxBytes)}. Nothing was imported.`);
        }
        picked.push({ name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
      }
      return picked;
    },

    async [IPC.saveFile](sender, raw) {
      assertTrustedSender(IPC.saveFile, sender);
      const args = validateSaveFileArgs(IPC.saveFile, raw);
      const result = await deps.dialog.showSaveDialog({
        title: 'Save as',
        defaultPath: path.join(deps.defaultSaveDirectory, args.suggestedName),
        filters: args.filters,
      });
      if (result.canceled || !result.filePath) return false;
      try {
        await deps.fs.writeFile(result.filePath, args.data);
      } catch (error) {
        throw new Error(`Could not save “${path.basename(result.filePath)}”: ${describeFsError(error)}.`);
      }
      return true;
    },

    async [IPC.openExternal](sender, raw) {
      assertTrustedSender(IPC.openExternal, sender);
      await deps.shell.openExternal(validateExternalUrl(IPC.openExternal, raw));
    },
  };
}
