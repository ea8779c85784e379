/**
 * Follows a self-delimiting frame stream (MPEG audio, ADTS) through the bytes
 * as they are read, jumping from header to header, so that at the end we know
 * whether the last frame was cut short. That is the only sign of truncation a
 * CBR MP3 or raw AAC file gives. Costs one header parse per frame.
 */
export class FrameWalker {
  private nextOffset: number;
  private carry = new Uint8Array(0);
  private carryOffset = 0;
  private inSync = true;
  private frames = 0;

  constructor(
    /** Absolute offset of the first frame. */
    firstFrameOffset: number,
    private readonly frameLengthAt: (bytes: Uint8Array, offset: number) => number | null,
    private readonly headerBytes: number,
  ) {
    this.nextOffset = firstFrameOffset;
  }

  /** Feeds the bytes that start at absolute offset `offset` (chunks must be contiguous). */
  push(chunk: Uint8Array, offset: number): void {
    if (!this.inSync) return;
    // Keep only the few bytes a header split across chunks needs.
    const bytes = this.carry.length ? concat(this.carry, chunk) : chunk;
    const base = this.carry.length ? this.carryOffset : offset;
    const end = base + bytes.length;
    while (this.nextOffset + this.headerBytes <= end) {
      const length = this.nextOffset >= base ? this.frameLengthAt(bytes, this.nextOffset - base) : null;
      if (length === null) {
        // A trailing ID3v1/APE tag or junk: we no longer know where frames are, so we claim nothing about the end.
        this.inSync = false;
        return;
      }
      this.frames++;
      this.nextOffset += length;
    }
    const keepFrom = Math.max(this.nextOffset, end - this.headerBytes);
    this.carry = keepFrom < end ? bytes.slice(keepFrom - base) : new Uint8Array(0);
    this.carryOffset = keepFrom;
  }

  /** After the last push: true when the stream was in sync and its last frame runs past the end of the file. */
  lastFrameCut(fileSize: number): boolean {
    return this.inSync && this.frames > 0 && this.nextOffset > fileSize;
  }

  get framesSeen(): number {
    return this.frames;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
