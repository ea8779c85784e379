import decode, { type AudioData, type StreamDecoder } from "@audio/decode";
import type { AudioDecoding, AudioStreamInfo, DecodeOutcome, DecodedChunk, DecodeTruncation } from "./audio-format";
import { AudioInputError } from "./audio-input-error";
import { openFileSource, type OpenedFile } from "./decode-byte-source";
import { throwIfCancelled } from "./decode-cancelled-error";
import type { FrameWalker } from "./decode-frame-walker";
import type { CompressedProbe } from "./decode-stream-probe";
import { describeTruncation } from "./decode-truncation";
import type { FeedSegment } from "./mp4-faststart";

/** Read size for compressed files: measured fastest for mpg123 (1 h MP3: 9.4 s at 1 MiB, 12.3 s at 256 KiB, 11.7 s at 4 MiB); 1 MiB of 128 kbit/s MP3 is 65 s of audio per chunk. */
export const COMPRESSED_READ_BYTES = 1024 * 1024;
/** A stream shorter than its header says by less than this is not called truncated (encoder delay, rounding). */
const MIN_TRUNCATION_SECONDS = 0.1;

/**
 * Decodes MP3, AAC, M4A, FLAC, Ogg and WebM with @audio/decode's chunked
 * decoders, feeding the file in blocks so memory stays bounded (an M4A whose
 * index comes last is fed index first, see mp4-faststart). Decodes ahead
 * until the first audio so `info` has the rate the decoder really outputs;
 * the first chunks() call resumes from there.
 */
export async function openCompressedDecoding(
  filePath: string,
  displayName: string,
  probe: CompressedProbe,
  readBlockBytes = COMPRESSED_READ_BYTES,
): Promise<AudioDecoding> {
  const first = await DecoderSession.start(filePath, displayName, probe, readBlockBytes);
  let ahead: DecoderSession | null = first.session;
  const firstAudio = first.audio;
  const channels = probe.channels ?? firstAudio.channelData.length;
  const info: AudioStreamInfo = {
    container: probe.container,
    codec: probe.codec,
    sampleRate: firstAudio.sampleRate,
    channels,
    ...(probe.bitsPerSample ? { bitsPerSample: probe.bitsPerSample } : {}),
    ...(probe.expectedSeconds !== null ? { expectedDurationSeconds: probe.expectedSeconds } : {}),
  };

  async function* chunks(signal?: AbortSignal): AsyncGenerator<DecodedChunk, DecodeOutcome> {
    throwIfCancelled(signal, displayName);
    let session: DecoderSession;
    let pending: AudioData | null = null;
    if (ahead) {
      session = ahead;
      pending = firstAudio;
      ahead = null;
    } else {
      const fresh = await DecoderSession.start(filePath, displayName, probe, readBlockBytes);
      session = fresh.session;
      pending = fresh.audio;
    }
    let decodedFrames = 0;
    let rateChange: string | null = null;
    try {
      while (pending) {
        if (pending.sampleRate !== info.sampleRate) {
          rateChange = `the sample rate changes from ${info.sampleRate} Hz to ${pending.sampleRate} Hz here; the rest is not decoded`;
          break;
        }
        const chunk = conform(pending, channels);
        decodedFrames += chunk.channels[0]!.length;
        yield chunk;
        throwIfCancelled(signal, displayName);
        pending = await session.next();
      }
      return { decodedFrames, ...truncationOf(decodedFrames, info.sampleRate, probe, session, rateChange) };
    } finally {
      await session.close();
    }
  }

  return { info, chunks };
}

function truncationOf(
  decodedFrames: number,
  sampleRate: number,
  probe: CompressedProbe,
  session: DecoderSession,
  rateChange: string | null,
): { truncation?: DecodeTruncation } {
  const endsAt = decodedFrames / sampleRate;
  const expected = probe.expectedIsEstimate ? null : probe.expectedSeconds;
  const tolerance = Math.max(MIN_TRUNCATION_SECONDS, 2 * probe.packetSeconds);
  if (rateChange) return { truncation: describeTruncation(endsAt, expected, rateChange) };
  const short = expected !== null && endsAt < expected - tolerance;
  // A decoder that throws on junk after a complete stream has lost nothing.
  if (session.error && (expected === null || short)) {
    return { truncation: describeTruncation(endsAt, expected, `the decoder stopped: ${errorText(session.error)}`) };
  }
  if (session.lastFrameCut) return { truncation: describeTruncation(endsAt, expected, "its last frame is cut short") };
  if (short) return { truncation: describeTruncation(endsAt, expected) };
  if (probe.oggEndsCleanly === false) return { truncation: describeTruncation(endsAt, expected, "no end-of-stream page") };
  return {};
}

/** One pass of a decoder over the file. Holds the file open only while it is being read. */
class DecoderSession {
  error: unknown = null;
  lastFrameCut = false;
  private file: OpenedFile | null = null;
  private finished = false;
  /** Position in `feed`: which segment, and the file offset within a range segment. */
  private segment = 0;
  private offset: number | null = null;

  private constructor(
    private readonly filePath: string,
    private readonly displayName: string,
    private readonly decoder: StreamDecoder,
    private readonly walker: FrameWalker | null,
    private readonly feed: readonly FeedSegment[],
    private readonly blockBytes: number,
    /** Lossless integer codecs cannot leave [-1, 1]. */
    private readonly exact: boolean,
  ) {}

  /** Opens a decoder and decodes until the first audio; throws AudioInputError when there is none. */
  static async start(filePath: string, displayName: string, probe: CompressedProbe, blockBytes: number): Promise<{ session: DecoderSession; audio: AudioData }> {
    const decoder = await decode[probe.decoderFormat]();
    const session = new DecoderSession(filePath, displayName, decoder, probe.makeWalker?.() ?? null, probe.feed, blockBytes, probe.codec === "flac");
    let audio: AudioData | null;
    try {
      audio = await session.next();
    } catch (error) {
      await session.close();
      throw error;
    }
    if (audio) {
      await session.suspend();
      return { session, audio };
    }
    await session.close();
    throw session.nothingDecoded(probe);
  }

  /** Decodes until some audio comes out; null at the end of the stream or after a decoder error (kept in `error`). */
  async next(): Promise<AudioData | null> {
    while (!this.finished) {
      this.file ??= await openFileSource(this.filePath, this.displayName);
      const bytes = await this.nextBytes(this.file);
      let result: AudioData = { channelData: [], sampleRate: 0 };
      try {
        if (bytes) result = await this.decoder(bytes);
        if (this.segment >= this.feed.length) {
          this.finished = true;
          this.lastFrameCut = this.walker?.lastFrameCut(this.file.size) ?? false;
          result = merge(result, await this.decoder());
        }
      } catch (error) {
        // The umbrella decoder frees itself when it throws.
        this.finished = true;
        this.error = error;
        return null;
      }
      if (result.channelData[0]?.length) return this.exact ? result : clampInPlace(result);
    }
    return null;
  }

  /** The next bytes of the feed plan (null when a range turned out empty), moving past segments that are used up. */
  private async nextBytes(file: OpenedFile): Promise<Uint8Array | null> {
    const segment = this.feed[this.segment]!;
    if ("bytes" in segment) {
      this.segment++;
      return segment.bytes;
    }
    const offset = (this.offset ??= segment.start);
    // Fresh buffer each time: some decoders keep a view of the bytes they were given until the next call.
    const block = new Uint8Array(Math.max(0, Math.min(this.blockBytes, segment.end - offset)));
    const n = block.length > 0 ? await file.readInto(block, offset) : 0;
    if (n < this.blockBytes || offset + n >= segment.end) {
      this.segment++;
      this.offset = null;
    } else {
      this.offset = offset + n;
    }
    if (n === 0) return null;
    const bytes = block.subarray(0, n);
    this.walker?.push(bytes, offset);
    return bytes;
  }

  nothingDecoded(probe: CompressedProbe): AudioInputError {
    const name = this.displayName;
    if (this.error) {
      const text = errorText(this.error);
      const code = /unsupported|not support/i.test(text) ? "AUDIO_UNSUPPORTED" : "AUDIO_CORRUPT";
      return new AudioInputError(code, `cannot decode ${name}: the ${probe.codec} decoder failed before any audio: ${text}`, { cause: this.error });
    }
    if (this.lastFrameCut || probe.oggEndsCleanly === false) {
      return new AudioInputError("AUDIO_TRUNCATED", `cannot decode ${name}: the file is cut off before its first complete ${probe.codec} frame`);
    }
    return new AudioInputError("AUDIO_CORRUPT", `cannot decode ${name}: the ${probe.codec} decoder found no audio in it`);
  }

  private async suspend(): Promise<void> {
    const file = this.file;
    this.file = null;
    await file?.close();
  }

  async close(): Promise<void> {
    this.decoder.free();
    this.finished = true;
    await this.suspend();
  }
}

/** The decoders collapse identical stereo to mono and upmix mono to stereo; give every chunk the channel count `info` promised. */
function conform(audio: AudioData, channels: number): DecodedChunk {
  const got = audio.channelData;
  if (got.length === channels) return { channels: got };
  if (got.length > channels) return { channels: got.slice(0, channels) };
  const out: Float32Array[] = [];
  for (let c = 0; c < channels; c++) out.push(got[c] ?? got[0]!);
  return { channels: out };
}

/**
 * Lossy decoders overshoot full scale on loud input; the contract is [-1, 1].
 * Overshoot is rare, so a read-only scan finds the first offender and only
 * then do we store. The scan still costs about 0.5 s per hour of 48 kHz
 * stereo (memory bandwidth), which FLAC, exact by construction, skips.
 */
function clampInPlace(audio: AudioData): AudioData {
  for (const channel of audio.channelData) {
    const n = channel.length;
    let i = 0;
    while (i < n && channel[i]! <= 1 && channel[i]! >= -1) i++;
    for (; i < n; i++) {
      const v = channel[i]!;
      if (v > 1) channel[i] = 1;
      else if (v < -1) channel[i] = -1;
      else if (v !== v) channel[i] = 0; // NaN
    }
  }
  return audio;
}

function merge(a: AudioData, b: AudioData): AudioData {
  if (!b.channelData[0]?.length) return a;
  if (!a.channelData[0]?.length) return b;
  return {
    sampleRate: a.sampleRate,
    channelData: a.channelData.map((channel, c) => {
      const tail = b.channelData[c] ?? b.channelData[0]!;
      const joined = new Float32Array(channel.length + tail.length);
      joined.set(channel);
      joined.set(tail, channel.length);
      return joined;
    }),
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
