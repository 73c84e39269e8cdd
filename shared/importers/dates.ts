/**
 * Publication dates come in many spellings. They are stored as ISO 8601 when that can be done without guessing:
 *  - ISO 8601 already (date, or date-time with or without offset) → kept as given (a space before the time
 *    becomes 'T'), so the source's own offset survives;
 *  - another parseable spelling with a zone ("Tue, 05 Mar 2024 10:00:00 GMT") → UTC, e.g. 2024-03-05T10:00:00.000Z;
 *  - parseable without a zone ("March 5, 2024", "March 5, 2024 10:30") → the same wall-clock date or date-time
 *    without an offset (2024-03-05, 2024-03-05T10:30:00), never shifted by the importing machine's time zone;
 *  - anything else → kept as given, trimmed (the model says "as given by the source").
 * Returns undefined for an empty value.
 */
export function normaliseDate(raw: string | undefined | null): string | undefined {
  if (raw == null) return undefined;
  const value = raw.replace(/\s+/g, ' ').trim();
  if (value === '') return undefined;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?))?$/i.exec(value);
  if (iso) return iso[2] ? `${iso[1]}T${iso[2].toUpperCase()}` : iso[1];
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return value;
  if (/(?:\b(?:gmt|utc|ut|z)\b|[+-]\d{2}:?\d{2}\s*$|\b[ecmp][sd]t\b)/i.test(value)) return new Date(ms).toISOString();
  const d = new Date(ms);
  const date = `${String(d.getFullYear()).padStart(4, '0')}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  if (!/\d:\d\d/.test(value)) return date;
  return `${date}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
