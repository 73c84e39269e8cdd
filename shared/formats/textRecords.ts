import { isObject, jsonLines, parseJson, type Place, type Problems } from './assemble.ts';
import { decodeFile } from './text.ts';
import type { FormatFile } from './types.ts';

/**
 * The records of JSONL files whose lines are objects with a string "text" (spaCy, doccano), each with its place.
 * Unreadable files, malformed lines and lines without text are reported and skipped.
 */
export function* textRecords(files: FormatFile[], problems: Problems): Generator<{ place: Place; value: Record<string, unknown> & { text: string } }> {
  for (const file of files) {
    const decoded = decodeFile(file);
    if (!decoded.ok) {
      problems.error({ file: file.path }, `cannot read the file: ${decoded.reason}`);
      continue;
    }
    for (const l of jsonLines(decoded.text)) {
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
