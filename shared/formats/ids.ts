/** Identifiers for records from formats that carry none, derived from content so that reimporting dedupes. */
import { sha256Hex } from '../hash.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * A UUID-shaped id (RFC 9562 version 8, "custom") from the SHA-256 of the parts: the same parts always give the
 * same id, so importing the same file twice yields the same records.
 */
export async function stableUuid(...parts: (string | number)[]): Promise<string> {
  const hex = await sha256Hex(parts.map(String).join('\u001f'));
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** IRIs used where a format wants one (W3C Web Annotation). */
export const documentIri = (id: string) => `urn:factmark:doc:${encodeURIComponent(id)}`;
export const annotationIri = (id: string) => (isUuid(id) ? `urn:uuid:${id.toLowerCase()}` : `urn:factmark:annotation:${encodeURIComponent(id)}`);

export function idFromIri(iri: string): string | null {
  for (const prefix of ['urn:uuid:', 'urn:factmark:annotation:', 'urn:factmark:doc:']) {
    if (iri.startsWith(prefix)) {
      try {
        return decodeURIComponent(iri.slice(prefix.length));
      } catch {
        return null;
      }
    }
  }
  return null;
}
