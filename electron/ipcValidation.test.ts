import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  assertTrustedSender,
  formatBytes,
  validateExternalUrl,
  validateFilters,
  validateOpenFilesArgs,
  validateSaveFileArgs,
} from './ipcValidation.ts';

const CH = 'factmark:test';

describe('assertTrustedSender', () => {
  it('accepts our page in the main window', () => {
    expect(() => assertTrustedSender(CH, { frameUrl: 'app://factmark/index.html', isMainWindowFrame: true })).not.toThrow();
  });
  it('refuses foreign origins, vanished frames and other frames or windows', () => {
    expect(() => assertTrustedSender(CH, { frameUrl: 'https://evil.example/', isMainWindowFrame: true })).toThrow(/did not come from Factmark's own page/);
    expect(() => assertTrustedSender(CH, { frameUrl: 'file:///tmp/x.html', isMainWindowFrame: true })).toThrow(/refused/);
    expect(() => assertTrustedSender(CH, { frameUrl: 'app://other/index.html', isMainWindowFrame: true })).toThrow(/refused/);
    expect(() => assertTrustedSender(CH, { frameUrl: undefined, isMainWindowFrame: true })).toThrow(/no frame/);
    expect(() => assertTrustedSender(CH, { frameUrl: 'app://factmark/index.html', isMainWindowFrame: false })).toThrow(/main window/);
  });
});

describe('validateFilters', () => {
  it('accepts well-formed filters and copies them', () => {
    const input = [{ name: 'Articles', extensions: ['html', 'txt', 'md'] }, { name: 'Archives', extensions: ['tar.gz', '*'] }];
    const out = validateFilters(CH, input);
    expect(out).toEqual(input);
    expect(out[0]).not.toBe(input[0]);
  });
  it('refuses wrong shapes with a message naming the problem', () => {
    expect(() => validateFilters(CH, 'html')).toThrow(/filters must be an array/);
    expect(() => validateFilters(CH, [null])).toThrow(/filters\[0\] must be an object/);
    expect(() => validateFilters(CH, [{ name: 'A', extensions: [] }])).toThrow(/non-empty array/);
    expect(() => validateFilters(CH, [{ name: 'A', extensions: ['.txt'] }])).toThrow(/extensions\[0\] must be an extension without a dot/);
    expect(() => validateFilters(CH, [{ name: 'A', extensions: ['../x'] }])).toThrow(/extension/);
    expect(() => validateFilters(CH, [{ name: 'A', extensions: [3] }])).toThrow(/extension/);
    expect(() => validateFilters(CH, [{ name: 42, extensions: ['txt'] }])).toThrow(/name must be a string/);
    expect(() => validateFilters(CH, [{ name: 'A', extensions: ['txt'], evil: true }])).toThrow(/unexpected property "evil"/);
    expect(() => validateFilters(CH, Array.from({ length: LIMITS.filters + 1 }, () => ({ name: 'A', extensions: ['txt'] })))).toThrow(/at most/);
  });
});

describe('validateOpenFilesArgs', () => {
  it('accepts the documented options', () => {
    expect(validateOpenFilesArgs(CH, { title: 'Import', filters: [], multiple: true })).toEqual({ title: 'Import', filters: [], multiple: true });
  });
  it('refuses anything else', () => {
    expect(() => validateOpenFilesArgs(CH, undefined)).toThrow(/expected an object/);
    expect(() => validateOpenFilesArgs(CH, [])).toThrow(/expected an object/);
    expect(() => validateOpenFilesArgs(CH, { title: 'x', filters: [], multiple: 'yes' })).toThrow(/multiple must be true or false/);
    expect(() => validateOpenFilesArgs(CH, { title: 'x'.repeat(LIMITS.titleLength + 1), filters: [], multiple: false })).toThrow(/longer than/);
    expect(() => validateOpenFilesArgs(CH, { title: 'x', filters: [], multiple: false, defaultPath: '/etc' })).toThrow(/unexpected property "defaultPath"/);
  });
});

describe('validateSaveFileArgs', () => {
  const data = new Uint8Array([1, 2, 3]);
  it('accepts a file name, bytes and filters', () => {
    const args = validateSaveFileArgs(CH, { suggestedName: 'gold.jsonl', data, filters: [{ name: 'JSON Lines', extensions: ['jsonl'] }] });
    expect(args.suggestedName).toBe('gold.jsonl');
    expect(args.data).toBe(data);
  });
  it('accepts a Buffer (a Uint8Array) as data', () => {
    expect(validateSaveFileArgs(CH, { suggestedName: 'a.txt', data: Buffer.from('x'), filters: [] }).data.byteLength).toBe(1);
  });
  it('refuses paths, empty names, non-bytes and oversize data', () => {
    expect(() => validateSaveFileArgs(CH, { suggestedName: '../../.bashrc', data, filters: [] })).toThrow(/file name without folders/);
    expect(() => validateSaveFileArgs(CH, { suggestedName: 'C:\\x.txt', data, filters: [] })).toThrow(/file name without folders/);
    expect(() => validateSaveFileArgs(CH, { suggestedName: '', data, filters: [] })).toThrow(/must not be empty/);
    expect(() => validateSaveFileArgs(CH, { suggestedName: 'a.txt', data: 'text', filters: [] })).toThrow(/data must be a Uint8Array/);
    expect(() => validateSaveFileArgs(CH, { suggestedName: 'a.txt', data: [1, 2], filters: [] })).toThrow(/data must be a Uint8Array/);
    const huge = { byteLength: LIMITS.saveFileBytes + 1 };
    Object.setPrototypeOf(huge, Uint8Array.prototype);
    expect(() => validateSaveFileArgs(CH, { suggestedName: 'a.txt', data: huge, filters: [] })).toThrow(/larger than 1 GB/);
  });
});

describe('validateExternalUrl', () => {
  it('passes http(s) links through, normalised', () => {
    expect(validateExternalUrl(CH, 'https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(validateExternalUrl(CH, 'HTTP://Example.org')).toBe('http://example.org/');
  });
  it('refuses other schemes and non-strings', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,hi', 'app://factmark/', 'vbscript:x', 'ms-settings:', '//example.org', '']) {
      expect(() => validateExternalUrl(CH, url), url).toThrow(/invalid argument/);
    }
    expect(() => validateExternalUrl(CH, 42)).toThrow(/url must be a string/);
    expect(() => validateExternalUrl(CH, `https://example.org/${'a'.repeat(LIMITS.urlLength)}`)).toThrow(/longer than/);
  });
});

describe('formatBytes', () => {
  it('reads like a person wrote it', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(200 * 1024 * 1024)).toBe('200 MB');
    expect(formatBytes(250 * 1024 * 1024 + 5)).toBe('250 MB');
  });
});
