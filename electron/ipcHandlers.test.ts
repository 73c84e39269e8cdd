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
    async readdir(dir) {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      const children = new Map<string, boolean>();
      for (const f of Object.keys(files)) {
        if (!f.startsWith(prefix)) continue;
        const [first, ...rest] = f.slice(prefix.length).split('/');
        children.set(first!, children.get(first!) === true || rest.length === 0);
      }
      if (children.size === 0) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return [...children].map(([name, isFile]) => ({ name, isFile: () => isFile, isDirectory: () => !isFile }));
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
  it('returns a file too large to import unread, with a problem naming it, and reads the rest', async () => {
    const { handlers, reads } = setup({ open: { canceled: false, filePaths: ['/news/small.txt', '/news/huge dump.txt'] }, files: { '/news/small.txt': 'ok', '/news/huge dump.txt': 5000 } });
    const picked = await handlers[IPC.openFiles](trusted, openArgs);
    expect(picked.map((f) => [f.name, f.problem])).toEqual([
      ['small.txt', undefined],
      ['huge dump.txt', 'huge dump.txt is 4.9 KB; Factmark opens files up to 1000 bytes.'],
    ]);
    expect(picked[1]!.bytes.byteLength).toBe(0);
    expect(reads).toEqual(['/news/small.txt']);
  });
  it('refuses an article over the importers\' limit by its size, before reading it', async () => {
    const handlers = createIpcHandlers({
      dialog: { showOpenDialog: async () => ({ canceled: false, filePaths: ['/news/dump.txt'] }), showSaveDialog: async () => ({ canceled: true }) },
      fs: { stat: async () => ({ size: 200 * 1024 * 1024, isFile: () => true }), readFile: async () => { throw new Error('must not read'); }, readdir: async () => [], writeFile: async () => {} },
      shell: { openExternal: async () => {} },
      defaultSaveDirectory: '/tmp',
    });
    expect((await handlers[IPC.openFiles](trusted, openArgs))[0]!.problem).toBe('dump.txt is 200 MB; the largest article Factmark imports is 50 MB.');
  });
  it('reports a file that grew past the limit between stat and read', async () => {
    const handlers = createIpcHandlers({
      dialog: { showOpenDialog: async () => ({ canceled: false, filePaths: ['/news/growing.txt'] }), showSaveDialog: async () => ({ canceled: true }) },
      fs: { stat: async () => ({ size: 10, isFile: () => true }), readFile: async () => new Uint8Array(2000), readdir: async () => [], writeFile: async () => {} },
      shell: { openExternal: async () => {} },
      defaultSaveDirectory: '/tmp',
      maxOpenFileBytes: 1000,
    });
    expect((await handlers[IPC.openFiles](trusted, openArgs))[0]!.problem).toBe('growing.txt is 2 KB; Factmark opens files up to 1000 bytes.');
  });
  it('reports folders, other non-files and vanished files without a stack trace', async () => {
    const handlers = createIpcHandlers({
      dialog: { showOpenDialog: async () => ({ canceled: false, filePaths: ['/dev/zero'] }), showSaveDialog: async () => ({ canceled: true }) },
      fs: { stat: async () => ({ size: 0, isFile: () => false }), readFile: async () => new Uint8Array(0), readdir: async () => [], writeFile: async () => {} },
      shell: { openExternal: async () => {} },
      defaultSaveDirectory: '/tmp',
    });
    expect((await handlers[IPC.openFiles](trusted, openArgs))[0]!.problem).toBe('Could not open zero: it is not a regular file.');
    const { handlers: h2 } = setup({ open: { canceled: false, filePaths: ['/news/gone.txt'] } });
    expect((await h2[IPC.openFiles](trusted, openArgs))[0]!.problem).toBe('Could not open gone.txt: the file no longer exists.');
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

describe(IPC.openFolder, () => {
  const folderFiles = {
    '/news/a.txt': 'Kyiv said the port was hit.',
    '/news/.DS_Store': 'junk',
    '/news/.git/config': 'junk',
    '/news/2024/b.md': '# B',
    '/news/2024/photo.png': 'png',
    '/news/2024/huge.html': 60 * 1024 * 1024,
  };
  it('reads the supported files of the folder and its subfolders, leaves hidden ones out, refuses the rest by name', async () => {
    const { handlers, dialogCalls, reads } = setup({ open: { canceled: false, filePaths: ['/news'] }, files: folderFiles });
    const picked = await handlers[IPC.openFolder](trusted, { title: 'Import a folder' });
    expect(picked.map((f) => [f.name, f.path, f.problem])).toEqual([
      ['b.md', '2024/b.md', undefined],
      ['huge.html', '2024/huge.html', 'huge.html is 60 MB; the largest article Factmark imports is 50 MB.'],
      ['photo.png', '2024/photo.png', expect.stringContaining('not files of type .png')],
      ['a.txt', undefined, undefined],
    ]);
    expect(new TextDecoder().decode(picked[3]!.bytes)).toBe('Kyiv said the port was hit.');
    expect(dialogCalls[0]).toEqual({ title: 'Import a folder', properties: ['openDirectory'] });
    expect(reads.sort()).toEqual(['/news/2024/b.md', '/news/a.txt']);
  });
  it('resolves to [] when cancelled and refuses wrong senders and malformed arguments', async () => {
    const { handlers, dialogCalls } = setup({ open: { canceled: true, filePaths: [] } });
    expect(await handlers[IPC.openFolder](trusted, { title: 'x' })).toEqual([]);
    await expect(handlers[IPC.openFolder](foreign, { title: 'x' })).rejects.toThrow(/refused/);
    await expect(handlers[IPC.openFolder](trusted, { title: 'x', path: '/etc' })).rejects.toThrow(/unexpected property "path"/);
    expect(dialogCalls).toHaveLength(1);
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
