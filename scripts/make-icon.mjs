// Draws images/icon.png (128x128 RGBA): a speech bubble with a check mark.
// No dependencies: pixels are computed here and encoded with node:zlib.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const S = 128;
const px = Buffer.alloc(S * S * 4);
const NAVY = [31, 42, 68];
const WHITE = [246, 248, 252];
const GREEN = [34, 170, 102];

function roundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
}
function distToSegment(x, y, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}
function inTail(x, y) {
  // Triangle below the bubble's lower-left corner.
  const [ax, ay, bx, by, cx, cy] = [34, 94, 58, 94, 28, 114];
  const d = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  const s = ((bx - ax) * (y - ay) - (by - ay) * (x - ax)) / d;
  const t = ((x - ax) * (cy - ay) - (y - ay) * (cx - ax)) / d;
  return s >= 0 && t >= 0 && s + t <= 1;
}

// 4x4 supersampling for smooth edges.
for (let y = 0; y < S; y++) {
  for (let x = 0; x < S; x++) {
    let acc = [0, 0, 0, 0];
    for (let sy = 0; sy < 4; sy++) {
      for (let sx = 0; sx < 4; sx++) {
        const fx = x + (sx + 0.5) / 4;
        const fy = y + (sy + 0.5) / 4;
        let c = null;
        if (roundedRect(fx, fy, 0, 0, S, S, 24)) c = NAVY;
        if (roundedRect(fx, fy, 18, 20, 110, 96, 16) || inTail(fx, fy)) c = WHITE;
        const check = Math.min(distToSegment(fx, fy, [40, 58], [58, 76]), distToSegment(fx, fy, [58, 76], [90, 40]));
        if (check <= 7) c = GREEN;
        if (c) acc = [acc[0] + c[0], acc[1] + c[1], acc[2] + c[2], acc[3] + 255];
      }
    }
    const i = (y * S + x) * 4;
    const n = acc[3] / 255;
    px[i] = n ? Math.round(acc[0] / n) : 0;
    px[i + 1] = n ? Math.round(acc[1] / n) : 0;
    px[i + 2] = n ? Math.round(acc[2] / n) : 0;
    px[i + 3] = Math.round(acc[3] / 16);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(S, 0);
ihdr.writeUInt32BE(S, 4);
ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const raw = Buffer.alloc(S * (S * 4 + 1));
for (let y = 0; y < S; y++) px.copy(raw, y * (S * 4 + 1) + 1, y * S * 4, (y + 1) * S * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png ${png.length} bytes`);
