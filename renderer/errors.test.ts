import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { describeError } from './errors.ts';

describe('describeError', () => {
  it('a full disk or quota, bare or wrapped by Dexie, is said plainly', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(describeError(quota)).toMatch(/^The disk or the storage quota is full/);
    expect(describeError(new Dexie.AbortError('Transaction aborted', quota))).toMatch(/^The disk or the storage quota is full/);
  });

  it("a Dexie error says its cause's message once", () => {
    const cause = new DOMException('The operation failed for reasons unrelated to the database itself.', 'UnknownError');
    const wrapped = new Dexie.OpenFailedError(cause);
    expect(describeError(wrapped)).toBe('The operation failed for reasons unrelated to the database itself.');
  });

  it("any other error says its message; what is not an error gets a sentence, never a stack", () => {
    expect(describeError(new Error('The file is not UTF-8.'))).toBe('The file is not UTF-8.');
    expect(describeError('boom')).toBe('Something went wrong and nothing was changed.');
  });
});
