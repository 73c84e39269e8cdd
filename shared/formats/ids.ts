/** Identifiers for records from formats that carry none, derived from content so that reimporting dedupes. */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

const encoder = new TextEncoder();

/**
 * A UUID-shaped id (RFC 9562 version 8, "custom") from the SHA-256 of the parts: the same parts always give the
 * same id, so importing the same file twice yields the same records. Synchronous (@noble/hashes, the same digest as
 * shared/hash.ts's Web Crypto one): an import derives an id for each of 100,000s of annotations, and each Web Crypto
 * call is an asynchronous job of some 20–40 µs, many times the hash of these few bytes.
 */
export function stableUuid(...parts: (string | number)[]): string {
  const hex = bytesToHex(sha256(encoder.encode(parts.map(String).join('\u001f'))));
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
