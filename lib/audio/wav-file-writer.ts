import { open, unlink } from "node:fs/promises";
import { asChannelList, buildWavHeader, interleaveSamples, wavBytesPerSample, wavHeaderBytes, type WavEncoding } from "./wav-encode";

export interface WavFileWriterOptions {
  sampleRate: number;
  channels: number;
  encoding: WavEncoding;
  /** Sees the encoded sample bytes of each write, in order (e.g. to hash exactly what is stored without encoding twice). */
  onEncoded?: (bytes: Uint8Array) => void;
}

export interface WavFileWriter {
  /** Appends planar samples (one array per channel, or one array for mono). Writes are applied in call order. */
  write(samples: Float32Array[] | Float32Array): Promise<void>;
  /** Patches the header with the final sizes and closes the file. */
  close(): Promise<{ bytes: number; frames: number }>;
  /** Closes and deletes the partial file. */
  abort(): Promise<void>;
}

/** RIFF sizes are 32-bit; 16 kHz mono 16-bit reaches this after about 37 hours. */
const MAX_RIFF_BYTES = 0xffffffff;

/**
 * Streams a WAV file to disk: a placeholder header first, samples as they
 * come, the real sizes patched in at close. Memory is one write's worth.
 */
export async function createWavFileWriter(filePath: string, options: WavFileWriterOptions): Promise<WavFileWriter> {
  const { sampleRate, channels, encoding } = options;
  if (!Number.isInteger(sampleRate) || sampleRate <= 0) throw new RangeError(`sample rate must be a positive integer, got ${sampleRate}`);
  if (!Number.isInteger(channels) || channels <= 0 || channels > 65535) throw new RangeError(`channel count must be 1 to 65535, got ${channels}`);
  const handle = await open(filePath, "w");
  const headerBytes = wavHeaderBytes(encoding);
  const frameBytes = channels * wavBytesPerSample(encoding);
  let frames = 0;
  let position = headerBytes;
  let state: "open" | "closed" | "aborted" = "open";
  let failure: unknown = null;
  // Serialise writes so a caller that does not await each one still gets them in order.
  let queue: Promise<void> = handle.write(buildWavHeader(encoding, sampleRate, channels, 0), 0, headerBytes, 0).then(() => undefined);

  const ensureOpen = () => {
    if (state !== "open") throw new Error(`the WAV writer for ${filePath} is already ${state}`);
  };

  return {
    write(samples) {
      ensureOpen();
      const list = asChannelList(samples, channels);
      const added = list[0]!.length;
      if (headerBytes - 8 + (frames + added) * frameBytes > MAX_RIFF_BYTES) {
        return Promise.reject(new RangeError(`${filePath} would exceed the 4 GiB limit of a WAV file`));
      }
      const bytes = interleaveSamples(list, encoding);
      options.onEncoded?.(bytes);
      const at = position;
      position += bytes.length;
      frames += added;
      const done = queue.then(async () => {
        await handle.write(bytes, 0, bytes.length, at);
      });
      queue = done.catch((error: unknown) => {
        failure ??= error;
      });
      return done;
    },
    async close() {
      ensureOpen();
      state = "closed";
      try {
        await queue;
        if (failure) throw failure;
        await handle.write(buildWavHeader(encoding, sampleRate, channels, frames), 0, headerBytes, 0);
      } finally {
        await handle.close();
      }
      return { bytes: headerBytes + frames * frameBytes, frames };
    },
    async abort() {
      if (state !== "open") return;
      state = "aborted";
      await queue;
      await handle.close();
      await unlink(filePath).catch(() => undefined);
    },
  };
}
