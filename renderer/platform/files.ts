/**
 * Browser File objects (from a file or directory input, or a drop) → PickedFile. Size and, for folders, type are
 * checked from the name and size before a byte is read, so a 200 MB file costs nothing and is reported by name.
 */
import { checkBeforeReading } from '../../shared/importers/detect.ts';
import type { PickedFile } from '../../shared/platform.ts';

export interface FoundFile {
  file: File;
  /** Path shown in reports: relative to the picked or dropped folder, or the file name. */
  path: string;
  /** Found in a folder rather than chosen one by one: hidden files are left out, other types refused unread. */
  inFolder: boolean;
}

/** Hidden files and folders (".DS_Store", ".git/…") are never articles; they are left out of folders silently. */
export function isHiddenPath(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.'));
}

/** Reads the files that pass the checks; the others come back with their `problem` and no bytes. */
export async function pickedFromFiles(found: FoundFile[]): Promise<PickedFile[]> {
  const visible = found.filter((f) => !f.inFolder || !isHiddenPath(f.path));
  return Promise.all(
    visible.map(async ({ file, path, inFolder }) => {
      const base: PickedFile = { name: file.name, bytes: new Uint8Array(), ...(path !== file.name ? { path } : {}) };
      const check = checkBeforeReading(file.name, file.size, inFolder);
      if (!check.ok) return { ...base, problem: check.reason };
      try {
        return { ...base, bytes: new Uint8Array(await file.arrayBuffer()) };
      } catch {
        return { ...base, problem: `Could not read ${path}: the file could not be opened (was it moved or deleted?).` };
      }
    }),
  );
}
