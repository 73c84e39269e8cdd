/** Messages between the library and its search worker. */
export type ToWorker =
  | { type: 'init'; dbName: string }
  /** The library changed: index new documents, drop purged ones, re-read these ids (edited titles). */
  | { type: 'sync'; changed?: string[] }
  /** Titles holding every one of `words` anywhere, or texts holding every word of `text` (textIndex.ts match). */
  | { type: 'query'; seq: number; key: string; words: string[]; text: string };

export type FromWorker =
  | { type: 'progress'; indexed: number; total: number }
  /** Document ids of ordinals from `from` on (null: a hole); `reset`: forget every earlier one first. */
  | { type: 'ids'; from: number; ids: (string | null)[]; reset?: boolean }
  /** Every match: bit `ordinal` set per matching document (see textIndex.ts). */
  | { type: 'result'; seq: number; key: string; bits: Uint32Array; total: number; complete: boolean }
  | { type: 'error'; message: string };
