/** A message a person can act on, for any failure: no stack traces in the UI. */
export function describeError(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'The disk or the storage quota is full, so nothing was saved. Free some space and try again.';
  }
  // Dexie's errors wrap their cause and repeat its message after their own: the cause's alone reads once
  const cause = (error as { inner?: { message?: unknown } } | null)?.inner?.message;
  if (typeof cause === 'string' && cause) return cause;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong and nothing was changed.';
}
