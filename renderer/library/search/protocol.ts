/** Messages between the library and its search worker. */
export type ToWorker =
  | { type: 'init'; dbName: string }
  /** The library changed: index new documents, drop purged ones, re-read these ids (edited titles). */
  | { type: 'sync'; changed?: string[] }
  | { type: 'query'; seq: number; query: string };

export type FromWorker =
  | { type: 'progress'; indexed: number; total: number }
  | { type: 'result'; seq: number; query: string; ids: string[]; complete: boolean }
  | { type: 'error'; message: string };
