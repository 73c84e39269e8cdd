/**
 * Electron wraps an error thrown by an ipcMain.handle handler as
 * "Error invoking remote method 'factmark:open-files': Error: <message>". The preload strips that wrapper so the
 * renderer can show the main process's message as written.
 */
const WRAPPER = /^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/;

export function unwrapIpcErrorMessage(message: string): string {
  return message.replace(WRAPPER, '');
}
