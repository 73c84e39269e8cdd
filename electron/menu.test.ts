import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, isMenuCommand, type MenuCommand, type MenuItemSpec } from './menu.ts';

function flatten(items: MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
}

function build(isMac: boolean, isDev: boolean) {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate({ isMac, isDev, sendCommand: (c) => sent.push(c) });
  return { template, items: flatten(template), sent };
}

describe('application menu', () => {
  it('has File, Edit, View and Help', () => {
    expect(build(false, false).template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });
  it('File › Import files… asks the page to import', () => {
    const { items, sent } = build(false, false);
    const importItem = items.find((i) => i.label === 'Import files…');
    expect(importItem?.accelerator).toBe('CmdOrCtrl+O');
    importItem?.click?.();
    expect(sent).toEqual(['import-files']);
    items.find((i) => i.label === 'Import folder…')?.click?.();
    expect(sent).toEqual(['import-files', 'import-folder']);
  });
  it('offers Quit in File except on macOS, where the app menu has it', () => {
    expect(build(false, false).items.some((i) => i.role === 'quit')).toBe(true);
    const mac = build(true, false);
    expect(mac.template[0]?.role).toBe('appMenu');
    expect(mac.items.some((i) => i.role === 'quit')).toBe(false);
  });
  it('has the standard editing roles', () => {
    const roles = build(false, false).items.map((i) => i.role);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'] as const) expect(roles).toContain(role);
  });
  it('shows reload and developer tools only in development', () => {
    const devOnly = ['reload', 'forceReload', 'toggleDevTools'];
    expect(build(false, false).items.filter((i) => i.role !== undefined && devOnly.includes(i.role))).toEqual([]);
    expect(build(false, true).items.filter((i) => i.role !== undefined && devOnly.includes(i.role))).toHaveLength(3);
  });
  it('recognises only known menu commands', () => {
    expect(isMenuCommand('import-files')).toBe(true);
    expect(isMenuCommand('delete-everything')).toBe(false);
    expect(isMenuCommand(undefined)).toBe(false);
  });
});
