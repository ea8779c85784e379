import type { AudioDecoding, DecodeOutcome, DecodedChunk } from "./audio-format";
import { openFileSource } from "./decode-byte-source";
import { throwIfCancelled } from "./decode-cancelled-error";
import { describeTruncation } from "./decode-truncation";
import { deinterleavePcm } from "./pcm-convert";
import type { WavLayout } from "./wav-header";

/** 4 MiB per read: about 22 s of 48 kHz stereo 16-bit, few enough reads that the file system is not the bottleneck. */
export const WAV_READ_BYTES = 4 * 1024 * 1024;

/**
 * Streams a WAV file's data chunk as planar Float32 chunks. Reads whole frames
 * in big blocks into two alternating buffers, starting the next read before
 * converting the current block so disk and CPU overlap. Memory stays at two
 * blocks plus the chunk the caller holds, whatever the file's length.
 */
export function openWavDecoding(filePath: string, displayName: string, layout: WavLayout, fileSize: number, readBlockBytes = WAV_READ_BYTES): AudioDecoding {
  const { blockAlign, sampleRate, channels, encoding, dataOffset, declaredDataBytes } = layout;
  const presentFrames = Math.floor(Math.max(0, fileSize - dataOffset) / blockAlign);
  const declaredFrames = declaredDataBytes === null ? null : Math.floor(declaredDataBytes / blockAlign);
  const info = {
    container: "wav" as const,
    codec: layout.codec,
    sampleRate,
    channels,
    bitsPerSample: layout.bitsPerSample,
    expectedDurationSeconds: (declaredFrames ?? presentFrames) / sampleRate,
  };
  const blockSize = Math.max(1, Math.floor(readBlockBytes / blockAlign)) * blockAlign;

  async function* chunks(signal?: AbortSignal): AsyncGenerator<DecodedChunk, DecodeOutcome> {
    throwIfCancelled(signal, displayName);
    const file = await openFileSource(filePath, displayName);
    const buffers = [new Uint8Array(blockSize), new Uint8Array(blockSize)];
    // Bytes still to read; "until end of file" when the header does not say.
    let remaining = declaredFrames === null ? Infinity : declaredFrames * blockAlign;
    let position = dataOffset;
    let decodedFrames = 0;
    let current = 0;
    const startRead = (buffer: Uint8Array) => {
      const length = Math.min(blockSize, remaining);
      return file.readInto(length === blockSize ? buffer : buffer.subarray(0, length), position).then((n) => ({ n, asked: length }));
    };
    let pending: ReturnType<typeof startRead> | null = remaining > 0 ? startRead(buffers[0]!) : null;
    try {
      while (pending) {
        const { n, asked } = await pending;
        pending = null;
        position += n;
        remaining -= n;
        const atEnd = n < asked || remaining <= 0;
        if (!atEnd) pending = startRead(buffers[1 - current]!);
        const frames = Math.floor(n / blockAlign);
        if (frames > 0) {
          const chunk = { channels: deinterleavePcm(buffers[current]!, encoding, channels, frames) };
          decodedFrames += frames;
          yield chunk;
          throwIfCancelled(signal, displayName);
        }
        current = 1 - current;
      }
    } finally {
      // A read still in flight when the caller stops early: let it finish quietly before closing.
      await pending?.catch(() => undefined);
      await file.close();
    }
    if (declaredFrames !== null && decodedFrames < declaredFrames) {
      return { decodedFrames, truncation: describeTruncation(decodedFrames / sampleRate, declaredFrames / sampleRate) };
    }
    return { decodedFrames };
  }

  return { info, chunks };
}
