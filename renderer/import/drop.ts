/**
 * Files and folders dropped on the library → PickedFile. A dropped folder is walked with the File and Directory
 * Entries API (webkitGetAsEntry), so its subfolders come too; the entries must be taken during the drop event
 * itself, after which the DataTransfer is emptied by the browser.
 */
import type { PickedFile } from '../../shared/platform.ts';
import { pickedFromFiles, type FoundFile } from '../platform/files.ts';

/** Call synchronously in the drop handler; the returned promise may be awaited later. */
export function filesFromDrop(dt: DataTransfer): Promise<PickedFile[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(dt.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) loose.push(file);
    }
  }
  if (entries.length === 0 && loose.length === 0) loose.push(...Array.from(dt.files));
  return (async () => {
    const found: FoundFile[] = loose.map((file) => ({ file, path: file.name, inFolder: false }));
    for (const entry of entries) found.push(...(await walk(entry, false)));
    return pickedFromFiles(found);
  })();
}

/** Whether a drag carries files (not text or a link), so the drop zone only lights up for what it accepts. */
export function dragHasFiles(dt: DataTransfer | null): boolean {
  return !!dt && Array.from(dt.types).includes('Files');
}

async function walk(entry: FileSystemEntry, inFolder: boolean): Promise<FoundFile[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ file, path: entry.fullPath.replace(/^\//, '') || file.name, inFolder }];
  }
  if (!entry.isDirectory || (inFolder && entry.name.startsWith('.'))) return [];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const found: FoundFile[] = [];
  // readEntries returns at most 100 entries per call in Chromium: read until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) found.push(...(await walk(child, true)));
  }
  return found;
}
