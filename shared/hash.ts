/** SHA-256 of the UTF-8 bytes of a string, lowercase hex. Web Crypto exists in browsers, Electron and Node ≥ 20. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  // a lookup table: this runs once per imported article (10,000 in a large import)
  let hex = '';
  for (const b of digest) hex += HEX[b];
  return hex;
}

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
