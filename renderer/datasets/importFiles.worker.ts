/// <reference lib="webworker" />
/** A dataset import off the main thread (importFiles.ts): reads the picked files and writes them to the database. */
import { answerImport, type ImportRequest } from './importFiles.ts';

self.onmessage = async (e: MessageEvent<ImportRequest>) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(await answerImport(e.data));
