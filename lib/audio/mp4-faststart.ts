/** Something to feed a decoder: bytes already in memory, or a byte range of the file. */
export type FeedSegment = { bytes: Uint8Array } | { start: number; end: number };

const CONTAINERS = new Set(["moov", "trak", "mdia", "minf", "stbl"]);
/** Boxes before the mdat (ftyp, free, wide) are small; more than this and we do not rearrange. */
export const MAX_LEADING_BOX_BYTES = 1024 * 1024;

/**
 * Plans the input for a streaming MP4 decoder when the moov (index) comes
 * after the mdat (audio), as ffmpeg and most recorders write it. The
 * decoder needs the index first, so we hand it the file as if it had been
 * rewritten "faststart" (what qt-faststart does): the boxes before the mdat,
 * then the moov with its chunk offsets moved by the moov's size, then the
 * mdat and anything after it, read from the file as decoding goes. Without
 * this the decoder buffers the whole file and decodes it in one call, which
 * for an hour of stereo is gigabytes of samples at once.
 * Returns null when the offsets cannot be moved (32-bit overflow).
 */
export function planFaststartFeed(
  leadingBoxes: Uint8Array,
  moov: { offset: number; bytes: Uint8Array },
  fileSize: number,
): FeedSegment[] | null {
  const firstMdat = leadingBoxes.length;
  const shift = moov.bytes.length;
  const patched = shiftChunkOffsets(moov.bytes, (offset) => (offset >= firstMdat && offset < moov.offset ? offset + shift : offset));
  if (!patched) return null;
  const prefix = new Uint8Array(leadingBoxes.length + patched.length);
  prefix.set(leadingBoxes);
  prefix.set(patched, leadingBoxes.length);
  const segments: FeedSegment[] = [{ bytes: prefix }, { start: firstMdat, end: moov.offset }];
  const afterMoov = moov.offset + moov.bytes.length;
  if (afterMoov < fileSize) segments.push({ start: afterMoov, end: fileSize });
  return segments;
}

/** A copy of a moov box with every stco/co64 entry mapped through `move`; null if a 32-bit offset would overflow. Exported for tests. */
export function shiftChunkOffsets(moovBox: Uint8Array, move: (offset: number) => number): Uint8Array | null {
  const out = moovBox.slice();
  const view = new DataView(out.buffer);
  let overflow = false;
  const walk = (start: number, end: number) => {
    for (let p = start; p + 8 <= end; ) {
      let size = view.getUint32(p);
      const type = String.fromCharCode(out[p + 4]!, out[p + 5]!, out[p + 6]!, out[p + 7]!);
      let header = 8;
      if (size === 1) {
        size = view.getUint32(p + 8) * 2 ** 32 + view.getUint32(p + 12);
        header = 16;
      } else if (size === 0) {
        size = end - p;
      }
      if (size < header || p + size > end) return;
      const body = p + header;
      if (CONTAINERS.has(type)) walk(body, p + size);
      else if (type === "stco" || type === "co64") {
        const count = view.getUint32(body + 4);
        const wide = type === "co64";
        for (let i = 0, q = body + 8; i < count && q + (wide ? 8 : 4) <= p + size; i++, q += wide ? 8 : 4) {
          if (wide) {
            const moved = move(view.getUint32(q) * 2 ** 32 + view.getUint32(q + 4));
            view.setUint32(q, Math.floor(moved / 2 ** 32));
            view.setUint32(q + 4, moved >>> 0);
          } else {
            const moved = move(view.getUint32(q));
            if (moved > 0xffffffff) overflow = true;
            view.setUint32(q, moved >>> 0);
          }
        }
      }
      p += size;
    }
  };
  walk(0, out.length);
  return overflow ? null : out;
}
