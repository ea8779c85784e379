/**
 * CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as zip, gzip and PNG
 * use it. Slicing by four: four table lookups per four bytes, about three
 * times faster than the byte-at-a-time loop on large embeddings files.
 */
const TABLES = buildTables();

/** CRC-32 of `data`; pass a previous result as `crc` to continue over several chunks. */
export function crc32(data: Uint8Array, crc = 0): number {
  const [t0, t1, t2, t3] = TABLES;
  let c = ~crc >>> 0;
  let index = 0;
  const fourByteEnd = data.length - (data.length % 4);
  for (; index < fourByteEnd; index += 4) {
    c ^= data[index]! | (data[index + 1]! << 8) | (data[index + 2]! << 16) | (data[index + 3]! << 24);
    c = t3[c & 0xff]! ^ t2[(c >>> 8) & 0xff]! ^ t1[(c >>> 16) & 0xff]! ^ t0[c >>> 24]!;
  }
  for (; index < data.length; index++) c = t0[(c ^ data[index]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

function buildTables(): [Uint32Array, Uint32Array, Uint32Array, Uint32Array] {
  const t0 = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let bit = 0; bit < 8; bit++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[n] = c >>> 0;
  }
  // t_k[n] is the CRC of byte n followed by k zero bytes.
  const next = (table: Uint32Array) => table.map((c) => (t0[c & 0xff]! ^ (c >>> 8)) >>> 0);
  const t1 = next(t0);
  const t2 = next(t1);
  const t3 = next(t2);
  return [t0, t1, t2, t3];
}
