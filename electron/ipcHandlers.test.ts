import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IPC } from '../shared/platform.ts';
import { createIpcHandlers, type DialogPort, type FileSystemPort, type IpcDeps } from './ipcHandlers.ts';
import type { IpcSender } from './ipcValidation.ts';

const trusted: IpcSender = { frameUrl: 'app://factmark/index.html', isMainWindowFrame: true };
const foreign: IpcSender = { frameUrl: 'https://evil.example/', isMainWindowFrame: true };
const otherWindow: IpcSender = { frameUrl: 'app://factmark/index.html', isMainWindowFrame: false };

function fakeFs(files: Record<string, string | number>) {
  const written = new Map<string, Uint8Array>();
  const reads: string[] = [];
  const fs: FileSystemPort = {
    async stat(file) {
      const content = files[file];
      if (content === undefined) throw Object.assign(new Error(`ENOENT: no such file, stat '${file}'`), { code: 'ENOENT' });
      return { size: typeof content === 'number' ? content : Buffer.byteLength(content), isFile: () => true };
    },
    async readFile(file) {
      reads.push(file);
      const content = files[file];
      if (content === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return Buffer.from(typeof content === 'number' ? 'x'.repeat(content) : content);
    },
    async writeFile(file, data) {
      if (file.includes('readonly')) throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
      written.set(file, data);
    },
  };
  return { fs, written, reads };
}

function setup(options: { open?: Awaited<ReturnType<DialogPort['showOpenDialog']>>; save?: Awaited<ReturnType<DialogPort['showSaveDialog']>>; files?: Record<string, string | number> } = {}) {
  const { fs, written, reads } = fakeFs(options.files ?? {});
  const dialogCalls: unknown[] = [];
  const opened: string[] = [];
  const deps: IpcDeps = {
    dialog: {
      async showOpenDialog(o) {
        dialogCalls.push(o);
        return options.open ?? { canceled: true, filePaths: [] };
      },
      async showSaveDialog(o) {
        dialogCalls.push(o);
        return options.save ?? { canceled: true };
      },
    },
    fs,
    shell: {
      async openExternal(url) {
        opened.push(url);
      },
    },
    defaultSaveDirectory: path.resolve('/home/ana/Documents'),
    maxOpenFileBytes: 1000,
  };
  return { handlers: createIpcHandlers(deps), dialogCalls, opened, written, reads };
}

const openArgs = { title: 'Import articles', filters: [{ name: 'Articles', extensions: ['html', 'txt'] }], multiple: true };

describe(IPC.openFiles, () => {
  it('returns the picked files as names and bytes', async () => {
    const { handlers, dialogCalls } = setup({ open: { canceled: false, filePaths: ['/news/a.html', '/news/b.txt'] }, files: { '/news/a.html': '<p>Claim</p>', '/news/b.txt': 'Denied.' } });
    const picked = await handlers[IPC.openFiles](trusted, openArgs);
    expect(picked.map((f) => f.name)).toEqual(['a.html', 'b.txt']);
    expect(new TextDecoder().decode(picked[0]!.bytes)).toBe('<p>Claim</p>');
    expect(picked[1]!.bytes).toBeInstanceOf(Uint8Array);
    expect(dialogCalls[0]).toEqual({ title: 'Import articles', filters: openArgs.filters, properties: ['openFile', 'multiSelections'] });
  });
  it('offers a single-file dialog when multiple is false', async () => {
    const { handlers, dialogCalls } = setup();
    await handlers[IPC.openFiles](trusted, { ...openArgs, multiple: false });
    expect(dialogCalls[0]).toMatchObject({ properties: ['openFile'] });
  });
  it('resolves to [] when cancelled', async () => {
    const { handlers } = setup({ open: { canceled: true, filePaths: [] } });
    expect(await handlers[IPC.openFiles](trusted, openArgs)).toEqual([]);
  });
  it('refuses a file over the size limit, naming it, and reads nothing', async () => {
    const { handlers, reads } = setup({ open: { canceled: false, filePaths: ['/news/small.txt', '/news/huge dump.json'] }, files: { '/news/small.txt': 'ok', '/news/huge dump.json': 5000 } });
    await expect(handlers[IPC.openFiles](trusted, openArgs)).rejects.toThrow(/too large to open: “huge dump\.json” \(4\.9 KB\)\. Factmark opens files up to 1000 bytes\. Nothing was imported\./);
    expect(reads).toEqual([]);
  });
  it('refuses a file that grew past the limit between stat and read', async () => {
    const handlers = createIpcHandlers({
      dialog: { showOpenDialog: async () => ({ canceled: false, filePaths: ['/news/growing.log'] }), showSaveDialog: async () => ({ canceled: true }) },
      fs: { stat: async () => ({ size: 10, isFile: () => true }), readFile: async () => new Uint8Array(2000), writeFile: async () => {} },
      shell: { openExternal: async () => {} },
      defaultSaveDirectory: '/tmp',
      maxOpenFileBytes: 1000,
    });
    await expect(handlers[IPC.openFiles](trusted, openArgs)).rejects.toThrow(/too large to open: “growing\.log” \(2 KB\)/);
  });
  it('refuses folders and other non-files', async () => {
    const handlers = createIpcHandlers({
      dialog: { showOpenDialog: async () => ({ canceled: false, filePaths: ['/dev/zero'] }), showSaveDialog: async () => ({ canceled: true }) },
      fs: { stat: async () => ({ size: 0, isFile: () => false }), readFile: async () => new Uint8Array(0), writeFile: async () => {} },
      shell: { openExternal: async () => {} },
      defaultSaveDirectory: '/tmp',
    });
    await expect(handlers[IPC.openFiles](trusted, openArgs)).rejects.toThrow('Could not open “zero”: it is not a regular file.');
  });
  it('explains a vanished file without a stack trace', async () => {
    const { handlers } = setup({ open: { canceled: false, filePaths: ['/news/gone.txt'] } });
    await expect(handlers[IPC.openFiles](trusted, openArgs)).rejects.toThrow('Could not open “gone.txt”: the file no longer exists.');
  });
  it('refuses wrong senders before showing any dialog', async () => {
    const { handlers, dialogCalls } = setup({ open: { canceled: false, filePaths: [] } });
    await expect(handlers[IPC.openFiles](foreign, openArgs)).rejects.toThrow(/refused/);
    await expect(handlers[IPC.openFiles](otherWindow, openArgs)).rejects.toThrow(/main window/);
    expect(dialogCalls).toEqual([]);
  });
  it('refuses malformed arguments before showing any dialog', async () => {
    const { handlers, dialogCalls } = setup();
    await expect(handlers[IPC.openFiles](trusted, { title: 'x', filters: [{ name: 'All', extensions: ['.*'] }], multiple: true })).rejects.toThrow(/extension without a dot/);
    expect(dialogCalls).toEqual([]);
  });
});

describe(IPC.saveFile, () => {
  const data = new TextEncoder().encode('{"text":"x"}\n');
  const saveArgs = { suggestedName: 'gold.jsonl', data, filters: [{ name: 'JSON Lines', extensions: ['jsonl'] }] };

  it('writes the bytes where the user chose and resolves true', async () => {
    const { handlers, written, dialogCalls } = setup({ save: { canceled: false, filePath: '/home/ana/exports/gold.jsonl' } });
    expect(await handlers[IPC.saveFile](trusted, saveArgs)).toBe(true);
    expect(written.get('/home/ana/exports/gold.jsonl')).toEqual(data);
    expect(dialogCalls[0]).toMatchObject({ defaultPath: path.join(path.resolve('/home/ana/Documents'), 'gold.jsonl'), filters: saveArgs.filters });
  });
  it('resolves false and writes nothing when cancelled', async () => {
    const { handlers, written } = setup({ save: { canceled: true } });
    expect(await handlers[IPC.saveFile](trusted, saveArgs)).toBe(false);
    expect(written.size).toBe(0);
  });
  it('resolves false when the dialog returns no path', async () => {
    const { handlers } = setup({ save: { canceled: false, filePath: '' } });
    expect(await handlers[IPC.saveFile](trusted, saveArgs)).toBe(false);
  });
  it('reports a failed write clearly', async () => {
    const { handlers } = setup({ save: { canceled: false, filePath: '/readonly/gold.jsonl' } });
    await expect(handlers[IPC.saveFile](trusted, saveArgs)).rejects.toThrow('Could not save “gold.jsonl”: permission denied.');
  });
  it('refuses wrong senders and path-like names', async () => {
    const { handlers, dialogCalls } = setup({ save: { canceled: false, filePath: '/x' } });
    await expect(handlers[IPC.saveFile](foreign, saveArgs)).rejects.toThrow(/refused/);
    await expect(handlers[IPC.saveFile](trusted, { ...saveArgs, suggestedName: '../../.profile' })).rejects.toThrow(/without folders/);
    expect(dialogCalls).toEqual([]);
  });
});

describe(IPC.openExternal, () => {
  it('opens http(s) links in the system browser', async () => {
    const { handlers, opened } = setup();
    await handlers[IPC.openExternal](trusted, 'https://www.bbc.co.uk/news');
    expect(opened).toEqual(['https://www.bbc.co.uk/news']);
  });
  it('refuses javascript:, file:, data: and custom schemes, and wrong senders', async () => {
    const { handlers, opened } = setup();
    for (const url of ['javascript:alert(document.cookie)', 'file:///etc/passwd', 'data:text/html,<script>1</script>', 'ms-msdt:/id', 'smb://attacker/share']) {
      await expect(handlers[IPC.openExternal](trusted, url), url).rejects.toThrow(/only web links/);
    }
    await expect(handlers[IPC.openExternal](foreign, 'https://example.org')).rejects.toThrow(/refused/);
    await expect(handlers[IPC.openExternal](trusted, { href: 'https://example.org' })).rejects.toThrow(/must be a string/);
    expect(opened).toEqual([]);
  });
});
