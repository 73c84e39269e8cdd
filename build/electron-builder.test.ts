// electron-builder.json must be valid for the installed electron-builder (its own JSON schema) and keep the
// packaging choices the app relies on: targets, resources folder, what goes into the package, the icon, fuses.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error — plain ES module script without type declarations
import { renderIcon } from './make-icon.mjs';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

type Config = Record<string, any>;
let validate: ((config: unknown) => boolean) & { errors?: unknown };
let config: Config;

beforeAll(() => {
  const schema = readJson('node_modules/app-builder-lib/scheme.json');
  const ajv = new Ajv({ strict: false, allowUnionTypes: true, allErrors: true });
  validate = ajv.compile(schema);
  config = readJson('electron-builder.json');
});

function errorsOf(candidate: unknown): string {
  validate(candidate);
  return JSON.stringify(validate.errors);
}

describe('electron-builder.json', () => {
  it('is valid against the installed electron-builder schema', () => {
    expect(validate(config), errorsOf(config)).toBe(true);
  });

  it('fails validation when broken (so the check above means something)', () => {
    const clone = (): Config => structuredClone(config);
    const unknownKey = { ...clone(), prodcutName: 'Typo' };
    const wrongType = clone();
    wrongType.directories.output = 42;
    const badTarget = clone();
    badTarget.linux.target = { target: 'AppImage', arch: ['z80'] };
    const badFuse = clone();
    badFuse.electronFuses.runAsNodeX = false;
    for (const [name, broken] of Object.entries({ unknownKey, wrongType, badTarget, badFuse })) {
      expect(validate(broken), name).toBe(false);
    }
  });

  it('identifies the app and keeps build resources in build/ and output in release/', () => {
    expect(config.appId).toBe('org.factmark.app');
    expect(config.productName).toBe('Factmark');
    expect(config.directories).toEqual({ buildResources: 'build', output: 'release' });
  });

  it('packages only the built app: main, preload and renderer', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'package.json']));
    expect(readJson('package.json').main).toBe('dist/electron/main.cjs');
    expect(config.files.filter((f: string) => !f.startsWith('!') && !['dist/electron/**', 'dist/renderer/**', 'package.json'].includes(f))).toEqual([]);
    expect(config.asar).toBe(true);
  });

  it('builds AppImage and deb on Linux, dmg on macOS, nsis on Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('turns off the Electron fuses an offline app does not need', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('build/icon.png', () => {
  const png = readFileSync(path.join(root, 'build', 'icon.png'));

  it('is a 512×512 RGBA PNG, as electron-builder needs for every platform', () => {
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    expect(png[25]).toBe(6); // colour type RGBA
    expect(config.icon).toBe('build/icon.png');
  });

  it('is what build/make-icon.mjs draws (script and image in step)', () => {
    // Compare pixels, not compressed bytes: another zlib may deflate the same pixels differently.
    expect(Buffer.compare(pixels(renderIcon()), pixels(png))).toBe(0);
  }, 60_000);
});

/** The decompressed image data of a PNG (all IDAT chunks). */
function pixels(file: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    if (file.subarray(at + 4, at + 8).toString('ascii') === 'IDAT') parts.push(file.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return inflateSync(Buffer.concat(parts));
}
