/** Reading import input: decoding each file, parsing JSON, with every unreadable file or line reported and skipped. */
import { isObject, jsonLines, parseJson, type Place, type Problems } from './assemble.ts';
import { decodeFile } from './text.ts';
import type { FormatFile } from './types.ts';

/** The decoded text of each file; a file that is not text is reported. */
export function* readableFiles(files: FormatFile[], problems: Problems): Generator<{ file: FormatFile; text: string }> {
  for (const file of files) {
    const decoded = decodeFile(file);
    if (decoded.ok) yield { file, text: decoded.text };
    else problems.error({ file: file.path }, `cannot read the file: ${decoded.reason}`);
  }
}

/** Each file parsed as one JSON value (Label Studio, W3C). */
export function* jsonFiles(files: FormatFile[], problems: Problems): Generator<{ place: Place; value: unknown }> {
  for (const { file, text } of readableFiles(files, problems)) {
    const place = { file: file.path };
    const parsed = parseJson(text, place, problems);
    if (parsed.ok) yield { place, value: parsed.value };
  }
}

/**
 * The records of JSONL files whose lines are objects with a string "text" (spaCy, doccano), each with its place.
 * Malformed lines and lines without text are reported and skipped.
 */
export function* textRecords(files: FormatFile[], problems: Problems): Generator<{ place: Place; value: Record<string, unknown> & { text: string } }> {
  for (const { file, text } of readableFiles(files, problems)) {
    for (const l of jsonLines(text)) {
      const place = { file: file.path, line: l.line };
      const parsed = parseJson(l.text, place, problems);
      if (!parsed.ok) continue;
      const v = parsed.value;
      if (!isObject(v) || typeof v.text !== 'string') {
        problems.error(place, 'each line must be an object with a string "text"; skipped');
        continue;
      }
      yield { place, value: v as Record<string, unknown> & { text: string } };
    }
  }
}
