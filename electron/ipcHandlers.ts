/**
 * What each IPC channel does, with Electron's dialog, the file system and the shell injected as small interfaces
 * so the logic (sender check, argument validation, size limit, cancel handling) is tested under Node.
 *
 * Oversize files: openFiles and openFolder stat every file before reading it; one too large to import (by the
 * importers' limit for its kind, or the bridge's own limit) comes back unread with a `problem` naming it and the
 * limit, so the rest of the batch still imports. A folder is walked in main (the renderer cannot list folders);
 * only the files of supported types are read, hidden files and folders are left out.
 */
import path from 'node:path';
import { checkBeforeReading } from '../shared/importers/detect.ts';
import { IPC, type FileFilter, type PickedFile } from '../shared/platform.ts';
import {
  LIMITS,
  assertTrustedSender,
  formatBytes,
  validateExternalUrl,
  validateOpenFilesArgs,
  validateOpenFolderArgs,
  validateSaveFileArgs,
  type IpcSender,
} from './ipcValidation.ts';

/** The subset of Electron's dialog module used here (main.ts binds it to the main window). */
export interface DialogPort {
  showOpenDialog(options: {
    title: string;
    filters?: FileFilter[];
    properties: Array<'openFile' | 'openDirectory' | 'multiSelections'>;
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<{ canceled: boolean; filePath?: string }>;
}

export interface FileSystemPort {
  stat(filePath: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(filePath: string): Promise<Uint8Array>;
  /** A folder's entries (fs.readdir with withFileTypes). */
  readdir(dirPath: string): Promise<{ name: string; isFile(): boolean; isDirectory(): boolean }[]>;
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
  [IPC.openFolder](sender: IpcSender, args: unknown): Promise<PickedFile[]>;
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

  /** Reads one file unless its name or size rules it out; a refusal or read error becomes its `problem`. */
  async function readChecked(filePath: string, name: string, shown: string, size: number, inFolder: boolean): Promise<PickedFile> {
    const base: PickedFile = { name, bytes: new Uint8Array(), ...(shown !== name ? { path: shown } : {}) };
    const check = checkBeforeReading(name, size, inFolder);
    if (!check.ok) return { ...base, problem: check.reason };
    if (size > maxBytes) return { ...base, problem: `${shown} is ${formatBytes(size)}; Factmark opens files up to ${formatBytes(maxBytes)}.` };
    let bytes: Uint8Array;
    try {
      bytes = await deps.fs.readFile(filePath);
    } catch (error) {
      return { ...base, problem: `Could not read ${shown}: ${describeFsError(error)}.` };
    }
    // The file may have grown between stat and read.
    if (bytes.byteLength > maxBytes) return { ...base, problem: `${shown} is ${formatBytes(bytes.byteLength)}; Factmark opens files up to ${formatBytes(maxBytes)}.` };
    return { ...base, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  }

  /** Every non-hidden file under a folder, depth first, with its path relative to the folder ('/'-separated). */
  async function listFolder(root: string): Promise<{ filePath: string; relative: string; size: number }[]> {
    const found: { filePath: string; relative: string; size: number }[] = [];
    const visit = async (dir: string, relative: string, depth: number): Promise<void> => {
      if (depth > LIMITS.folderDepth || found.length >= LIMITS.folderFiles) return;
      let entries: Awaited<ReturnType<FileSystemPort['readdir']>>;
      try {
        entries = await deps.fs.readdir(dir);
      } catch (error) {
        throw new Error(`Could not open the folder ${relative || path.basename(dir)}: ${describeFsError(error)}.`);
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (entry.name.startsWith('.') || found.length >= LIMITS.folderFiles) continue;
        const filePath = path.join(dir, entry.name);
        const rel = relative ? `${relative}/${entry.name}` : entry.name;
        if (entry.isDirectory()) await visit(filePath, rel, depth + 1);
        else if (entry.isFile()) {
          try {
            found.push({ filePath, relative: rel, size: (await deps.fs.stat(filePath)).size });
          } catch {
            // Vanished between listing and stat: nothing to import, nothing to report.
          }
        }
      }
    };
    await visit(root, '', 0);
    return found;
  }

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

      const picked: PickedFile[] = [];
      for (const filePath of result.filePaths) {
        const name = path.basename(filePath);
        let stats: { size: number; isFile(): boolean };
        try {
          stats = await deps.fs.stat(filePath);
        } catch (error) {
          picked.push({ name, bytes: new Uint8Array(), problem: `Could not open ${name}: ${describeFsError(error)}.` });
          continue;
        }
        if (!stats.isFile()) picked.push({ name, bytes: new Uint8Array(), problem: `Could not open ${name}: it is not a regular file.` });
        else picked.push(await readChecked(filePath, name, name, stats.size, false));
      }
      return picked;
    },

    async [IPC.openFolder](sender, raw) {
      assertTrustedSender(IPC.openFolder, sender);
      const args = validateOpenFolderArgs(IPC.openFolder, raw);
      const result = await deps.dialog.showOpenDialog({ title: args.title, properties: ['openDirectory'] });
      const folder = result.filePaths[0];
      if (result.canceled || !folder) return [];
      const found = await listFolder(folder);
      const picked: PickedFile[] = [];
      for (const f of found) picked.push(await readChecked(f.filePath, path.basename(f.filePath), f.relative, f.size, true));
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
