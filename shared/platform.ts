/**
 * The small API the renderer uses for what a web page cannot do by itself. In Electron the preload script exposes
 * it as `window.factmark`; in a browser the renderer uses its own implementation (file input, download).
 * Everything crossing the bridge is plain data, validated on the main side.
 */
export interface PickedFile {
  /** The file's own name (no folders): what the importers and the library know it by. */
  name: string;
  bytes: Uint8Array;
  /** Where it was found, relative to a picked or dropped folder ("news/a.txt"); shown in import reports. */
  path?: string;
  /**
   * Why the file was not read (too large, not a supported type), as a complete sentence; `bytes` is then empty.
   * Lets one unreadable file be reported while the rest of the batch goes on.
   */
  problem?: string;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface PlatformApi {
  readonly kind: 'electron' | 'browser';
  /** Lets the user pick files; resolves to [] when cancelled. */
  openFiles(options: { title: string; filters: FileFilter[]; multiple: boolean }): Promise<PickedFile[]>;
  /**
   * Lets the user pick a folder; resolves to the supported article files in it and its subfolders (hidden files
   * and folders left out), or [] when cancelled. Files it will not read come back with a `problem`.
   */
  openFolder(options: { title: string }): Promise<PickedFile[]>;
  /** Lets the user save data under a suggested name; resolves false when cancelled. */
  saveFile(options: { suggestedName: string; data: Uint8Array; filters: FileFilter[] }): Promise<boolean>;
  /** Opens an http(s) URL in the system browser; other schemes are refused. */
  openExternal(url: string): Promise<void>;
  /** Commands from the application menu (Electron only); returns an unsubscribe function. */
  onMenuCommand?(listener: (command: MenuCommand) => void): () => void;
}

/** Menu commands the page carries out itself (importing needs its database). */
export const MENU_COMMANDS = ['import-files', 'import-folder'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** The renderer → main channels of the IPC bridge (ipcRenderer.invoke): one place, used by preload and main. */
export const IPC = {
  openFiles: 'factmark:open-files',
  openFolder: 'factmark:open-folder',
  saveFile: 'factmark:save-file',
  openExternal: 'factmark:open-external',
} as const;

/** The one main → renderer channel: menu commands. */
export const MENU_COMMAND_CHANNEL = 'factmark:menu-command';
