import { describe, expect, it } from 'vitest';
import { unwrapIpcErrorMessage } from './bridgeErrors.ts';

describe('unwrapIpcErrorMessage', () => {
  it("strips Electron's wrapper so the main process's message reaches the user as written", () => {
    expect(unwrapIpcErrorMessage("Error invoking remote method 'factmark:open-files': Error: This file is too large to open: “a.json” (300 MB).")).toBe(
      'This file is too large to open: “a.json” (300 MB).',
    );
    expect(unwrapIpcErrorMessage("Error invoking remote method 'factmark:save-file': ArgumentError: factmark:save-file: invalid argument — data must be a Uint8Array.")).toBe(
      'factmark:save-file: invalid argument — data must be a Uint8Array.',
    );
  });
  it('leaves other messages alone', () => {
    expect(unwrapIpcErrorMessage('Error: something else')).toBe('Error: something else');
  });
});
