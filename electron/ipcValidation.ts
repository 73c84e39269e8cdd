/**
 * Checks on everything that crosses the IPC bridge: who sent it (only our page, in the main window) and what it
 * is (plain data of the documented shape and size). Anything else is rejected with a message naming the problem.
 */
import type { FileFilter } from '../shared/platform.ts';
import { formatSize } from '../shared/importers/detect.ts';
import { isAppUrl, isSafeExternalUrl } from './policies.ts';

/** What main.ts knows about the sender of an IPC message, reduced to plain data. */
export interface IpcSender {
  /** URL of the frame that sent the message (event.senderFrame.url); undefined when the frame is gone. */
  frameUrl: string | undefined;
  /** True when the sending frame is the main frame of Factmark's main window. */
  isMainWindowFrame: boolean;
}

/** Throws unless the message came from our own app:// page in the main window's top frame. */
export function assertTrustedSender(channel: string, sender: IpcSender): void {
  if (sender.frameUrl === undefined || !isAppUrl(sender.frameUrl)) {
    throw new Error(`${channel}: refused — the request did not come from Factmark's own page (${sender.frameUrl ?? 'no frame'}).`);
  }
  if (!sender.isMainWindowFrame) {
    throw new Error(`${channel}: refused — the request did not come from Factmark's main window.`);
  }
}

export const LIMITS = {
  titleLength: 200,
  filters: 20,
  filterNameLength: 100,
  extensionsPerFilter: 50,
  fileNameLength: 255,
  urlLength: 8192,
  /** Largest file openFiles reads: bigger ones are refused with a message naming them. */
  openFileBytes: 200 * 1024 * 1024,
  /** How deep and how many files openFolder reads: far beyond a real article folder, short of a whole disk. */
  folderDepth: 20,
  folderFiles: 100_000,
  /** Largest payload saveFile writes (a dataset export). */
  saveFileBytes: 1024 * 1024 * 1024,
} as const;

export interface OpenFilesArgs {
  title: string;
  filters: FileFilter[];
  multiple: boolean;
}

export interface SaveFileArgs {
  suggestedName: string;
  data: Uint8Array;
  filters: FileFilter[];
}

class ArgumentError extends Error {
  constructor(channel: string, problem: string) {
    super(`${channel}: invalid argument — ${problem}.`);
    this.name = 'ArgumentError';
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function checkKeys(channel: string, where: string, value: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new ArgumentError(channel, `unexpected property "${key}" in ${where}`);
  }
}

function checkString(channel: string, where: string, value: unknown, maxLength: number, allowEmpty = false): string {
  if (typeof value !== 'string') throw new ArgumentError(channel, `${where} must be a string`);
  if (!allowEmpty && value.length === 0) throw new ArgumentError(channel, `${where} must not be empty`);
  if (value.length > maxLength) throw new ArgumentError(channel, `${where} is longer than ${maxLength} characters`);
  return value;
}

/** "txt", "tar.gz" or "*": no leading dot, no separators or wildcards smuggled into the dialog. */
const EXTENSION = /^(?:\*|[A-Za-z0-9][A-Za-z0-9._+-]{0,31})$/;

export function validateFilters(channel: string, value: unknown): FileFilter[] {
  if (!Array.isArray(value)) throw new ArgumentError(channel, 'filters must be an array');
  if (value.length > LIMITS.filters) throw new ArgumentError(channel, `at most ${LIMITS.filters} filters are allowed`);
  return value.map((filter: unknown, i) => {
    const where = `filters[${i}]`;
    if (!isPlainObject(filter)) throw new ArgumentError(channel, `${where} must be an object { name, extensions }`);
    checkKeys(channel, where, filter, ['name', 'extensions']);
    const name = checkString(channel, `${where}.name`, filter.name, LIMITS.filterNameLength);
    const extensions = filter.extensions;
    if (!Array.isArray(extensions) || extensions.length === 0) {
      throw new ArgumentError(channel, `${where}.extensions must be a non-empty array`);
    }
    if (extensions.length > LIMITS.extensionsPerFilter) {
      throw new ArgumentError(channel, `${where}.extensions has more than ${LIMITS.extensionsPerFilter} entries`);
    }
    for (const [j, ext] of extensions.entries()) {
      if (typeof ext !== 'string' || !EXTENSION.test(ext)) {
        throw new ArgumentError(channel, `${where}.extensions[${j}] must be an extension without a dot, like "txt" (got ${JSON.stringify(ext)})`);
      }
    }
    return { name, extensions: [...(extensions as string[])] };
  });
}

export function validateOpenFilesArgs(channel: string, value: unknown): OpenFilesArgs {
  if (!isPlainObject(value)) throw new ArgumentError(channel, 'expected an object { title, filters, multiple }');
  checkKeys(channel, 'the options', value, ['title', 'filters', 'multiple']);
  const title = checkString(channel, 'title', value.title, LIMITS.titleLength, true);
  const filters = validateFilters(channel, value.filters);
  if (typeof value.multiple !== 'boolean') throw new ArgumentError(channel, 'multiple must be true or false');
  return { title, filters, multiple: value.multiple };
}

export function validateOpenFolderArgs(channel: string, value: unknown): { title: string } {
  if (!isPlainObject(value)) throw new ArgumentError(channel, 'expected an object { title }');
  checkKeys(channel, 'the options', value, ['title']);
  return { title: checkString(channel, 'title', value.title, LIMITS.titleLength, true) };
}

export function validateSaveFileArgs(channel: string, value: unknown): SaveFileArgs {
  if (!isPlainObject(value)) throw new ArgumentError(channel, 'expected an object { suggestedName, data, filters }');
  checkKeys(channel, 'the options', value, ['suggestedName', 'data', 'filters']);
  const suggestedName = checkString(channel, 'suggestedName', value.suggestedName, LIMITS.fileNameLength);
  // A suggestion is a file name, never a path: the user picks the folder in the dialog.
  if (/[/\\\0]/.test(suggestedName) || suggestedName === '.' || suggestedName === '..') {
    throw new ArgumentError(channel, `suggestedName must be a file name without folders (got ${JSON.stringify(suggestedName)})`);
  }
  const data = value.data;
  if (!(data instanceof Uint8Array)) throw new ArgumentError(channel, 'data must be a Uint8Array');
  if (data.byteLength > LIMITS.saveFileBytes) {
    throw new ArgumentError(channel, `data is larger than ${formatBytes(LIMITS.saveFileBytes)}`);
  }
  const filters = validateFilters(channel, value.filters);
  return { suggestedName, data, filters };
}

/** Only absolute http(s) links, of sane length, go to the system browser. Returns the URL to open. */
export function validateExternalUrl(channel: string, value: unknown): string {
  const url = checkString(channel, 'url', value, LIMITS.urlLength);
  if (!isSafeExternalUrl(url)) {
    throw new ArgumentError(channel, `only web links (http, https) can be opened, not ${JSON.stringify(url.slice(0, 100))}`);
  }
  return new URL(url).href;
}

/** Sizes in messages users read: the same wording as the importers'. */
export const formatBytes = formatSize;
