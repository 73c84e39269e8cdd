/** Messages between the library and its search worker. */
export type ToWorker =
  | { type: 'init'; dbName: string }
  /** The library changed: index new documents, drop purged ones, re-read these ids (edited titles). */
  | { type: 'sync'; changed?: string[] }
  /** `limit`: how many ids to send back at most (best first); the answer says how many matched in all. */
  | { type: 'query'; seq: number; query: string; limit: number };

export type FromWorker =
  | { type: 'progress'; indexed: number; total: number }
  | { type: 'result'; seq: number; query: string; ids: string[]; total: number; complete: boolean }
  | { type: 'error'; message: string };
