import type { FileFilter, PickedFile, PlatformApi } from '../../shared/platform.ts';
import { isSafeExternalUrl } from '../../shared/urls.ts';

/** The platform API in a plain browser: a file input to open, a download to save, a new tab for links. */
export const browserPlatform: PlatformApi = {
  kind: 'browser',

  openFiles({ filters, multiple }) {
    return new Promise<PickedFile[]>((resolve, reject) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.multiple = multiple;
      input.accept = acceptAttribute(filters);
      input.hidden = true;
      input.addEventListener('change', () => {
        const files = Array.from(input.files ?? []);
        input.remove();
        Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))).then(resolve, reject);
      });
      input.addEventListener('cancel', () => {
        input.remove();
        resolve([]);
      });
      document.body.append(input);
      input.click();
    });
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
