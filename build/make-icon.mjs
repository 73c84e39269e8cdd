// Draws build/icon.png (512×512 RGBA), the app icon electron-builder converts for each platform: a page of text
// lines on a navy tile, three of them marked in the label colours of shared/labels.ts (claim, denial, unverified).
// Pure Node (zlib); deterministic, so re-running it reproduces the committed file: `node build/make-icon.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // per axis: 16 samples per pixel for smooth edges

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const COLOURS = {
  tile: hex('#1e3a5f'),
  page: hex('#fbfaf7'),
  line: hex('#c7cdd6'),
  claim: hex('#1f6fd1'),
  denial: hex('#c2410c'),
  unverified: hex('#7c3aed'),
};

/** Rounded rectangle: [x0, y0, x1, y1, radius, colour, alpha]. Later shapes paint over earlier ones. */
const shapes = [
  [16, 16, 496, 496, 104, COLOURS.tile, 1],
  [100, 76, 412, 436, 30, COLOURS.page, 1],
];
const rows = [
  // [y, segments as [x0, x1, colour?]]
  [128, [[140, 372]]],
  [176, [[140, 196], [208, 352, 'claim']]],
  [224, [[140, 332]]],
  [272, [[140, 228, 'denial'], [240, 372]]],
  [320, [[140, 180], [192, 300, 'unverified']]],
  [368, [[140, 292]]],
];
for (const [y, segments] of rows) {
  for (const [x0, x1, label] of segments) {
    if (label) {
      // A highlight band behind the words, then the words in the label colour.
      shapes.push([x0 - 10, y - 17, x1 + 10, y + 17, 10, COLOURS[label], 0.22]);
      shapes.push([x0, y - 8, x1, y + 8, 8, COLOURS[label], 1]);
    } else {
      shapes.push([x0, y - 8, x1, y + 8, 8, COLOURS.line, 1]);
    }
  }
}

/** Signed distance from (px, py) to a rounded rectangle's edge: negative inside. */
function distance(px, py, [x0, y0, x1, y1, r]) {
  const qx = Math.abs(px - (x0 + x1) / 2) - (x1 - x0) / 2 + r;
  const qy = Math.abs(py - (y0 + y1) / 2) - (y1 - y0) / 2 + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Colour and coverage at one point, painting the shapes in order. */
function sample(px, py, candidates) {
  let r = 0, g = 0, b = 0, a = 0;
  for (const shape of candidates) {
    if (distance(px, py, shape) > 0) continue;
    const [, , , , , [sr, sg, sb], alpha] = shape;
    r = sr * alpha + r * (1 - alpha);
    g = sg * alpha + g * (1 - alpha);
    b = sb * alpha + b * (1 - alpha);
    a = alpha + a * (1 - alpha);
  }
  return [r, g, b, a];
}

export function renderIcon() {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    const rowShapes = shapes.filter(([, y0, , y1]) => y + 1 >= y0 && y <= y1);
    for (let x = 0; x < SIZE; x++) {
      const candidates = rowShapes.filter(([x0, , x1]) => x + 1 >= x0 && x <= x1);
      const cx = x + 0.5;
      const cy = y + 0.5;
      // Only pixels an edge passes through need sub-samples (for smooth edges); the rest take their centre.
      const onEdge = candidates.some((shape) => Math.abs(distance(cx, cy, shape)) < 1);
      let r = 0, g = 0, b = 0, a = 0;
      const n = onEdge ? SAMPLES * SAMPLES : 1;
      for (let s = 0; s < n; s++) {
        const px = onEdge ? x + ((s % SAMPLES) + 0.5) / SAMPLES : cx;
        const py = onEdge ? y + (Math.floor(s / SAMPLES) + 0.5) / SAMPLES : cy;
        const [sr, sg, sb, sa] = sample(px, py, candidates);
        // Premultiplied accumulation over the sub-samples.
        r += sr; g += sg; b += sb; a += sa;
      }
      const i = (y * SIZE + x) * 4;
      const alpha = a / n;
      rgba[i] = alpha > 0 ? Math.round(r / n / alpha) : 0;
      rgba[i + 1] = alpha > 0 ? Math.round(g / n / alpha) : 0;
      rgba[i + 2] = alpha > 0 ? Math.round(b / n / alpha) : 0;
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(SIZE, SIZE, rgba);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  // compression, filter, interlace: 0
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = new URL('./icon.png', import.meta.url);
  writeFileSync(out, renderIcon());
  console.log(`wrote ${out.pathname}`);
}
