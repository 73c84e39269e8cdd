import type { FileFilter, PickedFile, PlatformApi } from '../../shared/platform.ts';
import { isSafeExternalUrl } from '../../shared/urls.ts';
import { pickedFromFiles } from './files.ts';

/** The platform API in a plain browser: a file input to open, a download to save, a new tab for links. */
export const browserPlatform: PlatformApi = {
  kind: 'browser',

  openFiles({ filters, multiple }) {
    return pickWithInput((input) => {
      input.multiple = multiple;
      input.accept = acceptAttribute(filters);
    }, false);
  },

  openFolder() {
    return pickWithInput((input) => {
      // A directory input hands over every file in the folder and its subfolders, with webkitRelativePath.
      input.webkitdirectory = true;
    }, true);
  },

  async saveFile({ suggestedName, data }) {
    const url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>]));
    const a = document.createElement('a');
    a.href = url;
    a.download = suggestedName;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return true;
  },

  async openExternal(url) {
    if (!isSafeExternalUrl(url)) throw new Error(`Only web links (http, https) can be opened: ${url}`);
    window.open(url, '_blank', 'noopener,noreferrer');
  },
};

function acceptAttribute(filters: FileFilter[]): string {
  return filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
}

/** Opens a hidden file input; resolves with its files ([] when the picker is cancelled). */
function pickWithInput(setup: (input: HTMLInputElement) => void, folder: boolean): Promise<PickedFile[]> {
  return new Promise<PickedFile[]>((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.hidden = true;
    setup(input);
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []);
      input.remove();
      pickedFromFiles(files.map((file) => ({ file, path: folder ? file.webkitRelativePath || file.name : file.name, inFolder: folder }))).then(resolve, reject);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve([]);
    });
    document.body.append(input);
    input.click();
  });
}
