// Test pictures made without an image library: PNG chunks with their CRCs (node:zlib).
import { deflateSync, crc32 } from 'node:zlib';

export const be32 = (n) => { const b = Buffer.alloc(4); b.writeUInt32BE(n >>> 0); return b; };
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([be32(data.length), body, be32(crc32(body))]);
}
// A w × h RGB PNG (a colour gradient), or one whose header claims w × h over a few rows of data.
export function png(w, h, { rows = h } = {}) {
  const line = Buffer.alloc(1 + w * 3);
  const raw = [];
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < w; x++) line.set([x % 256, y % 256, (x + y) % 256], 1 + x * 3);
    raw.push(Buffer.from(line));
  }
  const ihdr = Buffer.concat([be32(w), be32(h), Buffer.from([8, 2, 0, 0, 0])]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(raw))), chunk('IEND', Buffer.alloc(0))]);
}
