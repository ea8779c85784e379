import type { AudioContainer } from "./audio-format";
import { AudioInputError } from "./audio-input-error";
import { parseAdtsHeader } from "./decode-adts-header";
import type { ByteSource } from "./decode-byte-source";
import { FrameWalker } from "./decode-frame-walker";
import { parseWebmAudioInfo } from "./decode-webm-info";
import { parseFlacStreamInfo } from "./flac-stream-info";
import { mp3ExpectedSamples, parseMp3StreamHeader, parseMpegFrameHeader } from "./mp3-frame-header";
import { MAX_LEADING_BOX_BYTES, planFaststartFeed, type FeedSegment } from "./mp4-faststart";
import { readMp4Layout } from "./mp4-track-info";
import { parseOggStreamInfo, parseOggTail } from "./ogg-stream-info";
import { firstFrameOffset } from "./sniff-audio-container";

/** The @audio/decode format whose decoder handles a container. */
export type DecoderFormat = "mp3" | "aac" | "m4a" | "flac" | "oga" | "opus" | "webm";

/** What the header of a compressed file tells us before decoding. */
export interface CompressedProbe {
  container: AudioContainer;
  decoderFormat: DecoderFormat;
  codec: string;
  /** From the header; the decoder's rate wins (HE-AAC doubles it, Opus is always 48 kHz). */
  sampleRate: number | null;
  channels: number | null;
  bitsPerSample?: number;
  expectedSeconds: number | null;
  /** An MP3 without Xing/VBRI header: the length is guessed from size and bitrate, so it is shown but not used to call truncation. */
  expectedIsEstimate: boolean;
  /** What to feed the decoder, in order: normally the file from its first frame (past an ID3v2 tag). */
  feed: FeedSegment[];
  /** Longest packet in seconds; the tolerance for calling a short stream truncated. */
  packetSeconds: number;
  /** For self-delimiting frame streams: follows frame headers to spot a cut last frame. */
  makeWalker?: () => FrameWalker;
  /** Ogg only: whether the file ends with a complete end-of-stream page. */
  oggEndsCleanly?: boolean;
}

const OGG_TAIL_BYTES = 128 * 1024;

/**
 * Reads what the container header says. `content` holds the first bytes after
 * any ID3v2 tag, which starts at `contentOffset`.
 */
export async function probeCompressed(
  container: Exclude<AudioContainer, "wav">,
  source: ByteSource,
  content: Uint8Array,
  contentOffset: number,
  displayName: string,
): Promise<CompressedProbe> {
  const corrupt = (why: string) => new AudioInputError("AUDIO_CORRUPT", `cannot decode ${displayName}: ${why}`);
  switch (container) {
    case "mp3": {
      const offset = firstFrameOffset(content, "mp3");
      const frame = offset === null ? null : parseMpegFrameHeader(content, offset);
      if (offset === null || !frame) throw corrupt(contentOffset > 0 ? "no MPEG audio frames follow its ID3 tag" : "no MPEG audio frames could be found");
      const header = parseMp3StreamHeader(content, offset, frame);
      const start = contentOffset + offset;
      const estimate = ((source.size - start) * 8) / (frame.bitrateKbps * 1000);
      return {
        container,
        decoderFormat: "mp3",
        codec: frame.layer === 3 ? "mp3" : `mp${frame.layer}`,
        sampleRate: frame.sampleRate,
        channels: frame.channels,
        expectedSeconds: header ? mp3ExpectedSamples(header, frame) / frame.sampleRate : estimate,
        expectedIsEstimate: !header,
        feed: [{ start: contentOffset, end: Infinity }],
        packetSeconds: frame.samplesPerFrame / frame.sampleRate,
        makeWalker: () => new FrameWalker(start, (b, o) => parseMpegFrameHeader(b, o)?.frameLength ?? null, 4),
      };
    }
    case "aac": {
      const offset = firstFrameOffset(content, "aac");
      const frame = offset === null ? null : parseAdtsHeader(content, offset);
      if (offset === null || !frame) throw corrupt("no ADTS frames could be found");
      return {
        container,
        decoderFormat: "aac",
        codec: "aac",
        sampleRate: frame.sampleRate,
        channels: frame.channels || null,
        expectedSeconds: null,
        expectedIsEstimate: false,
        feed: [{ start: contentOffset, end: Infinity }],
        packetSeconds: 2048 / frame.sampleRate,
        makeWalker: () => new FrameWalker(contentOffset + offset, (b, o) => parseAdtsHeader(b, o)?.frameLength ?? null, 7),
      };
    }
    case "flac": {
      const info = parseFlacStreamInfo(content);
      if (!info) throw corrupt("its FLAC STREAMINFO header is missing or damaged");
      return {
        container,
        decoderFormat: "flac",
        codec: "flac",
        sampleRate: info.sampleRate,
        channels: info.channels,
        bitsPerSample: info.bitsPerSample,
        expectedSeconds: info.totalSamples > 0 ? info.totalSamples / info.sampleRate : null,
        expectedIsEstimate: false,
        feed: [{ start: contentOffset, end: Infinity }],
        packetSeconds: Math.max(info.maxBlockSize, 4096) / info.sampleRate,
      };
    }
    case "ogg-vorbis":
    case "ogg-opus": {
      const info = parseOggStreamInfo(content);
      if (!info) throw corrupt("its first Ogg page does not hold a Vorbis or Opus identification header");
      const tailStart = Math.max(0, source.size - OGG_TAIL_BYTES);
      const tail = parseOggTail(await source.read(tailStart, source.size - tailStart), info.serial);
      const granule = tail.endsCleanly ? tail.lastGranule : null;
      return {
        container,
        decoderFormat: info.codec === "opus" ? "opus" : "oga",
        codec: info.codec,
        sampleRate: info.sampleRate,
        channels: info.channels,
        expectedSeconds: granule !== null ? Math.max(0, granule - info.preSkip) / info.sampleRate : null,
        expectedIsEstimate: false,
        feed: [{ start: 0, end: Infinity }],
        packetSeconds: info.codec === "opus" ? 0.12 : 8192 / info.sampleRate,
        oggEndsCleanly: tail.endsCleanly,
      };
    }
    case "m4a": {
      const layout = await readMp4Layout(source);
      if (layout.kind === "no-moov") {
        if (layout.cutInside) {
          throw new AudioInputError(
            "AUDIO_TRUNCATED",
            `cannot decode ${displayName}: the file ends inside its '${layout.cutInside}' box and has no index (moov box), so none of its audio can be located; it was probably cut off while recording or copying`,
          );
        }
        throw corrupt("it has no moov box (the MP4 index), so its audio cannot be located");
      }
      if (layout.kind === "no-audio-track") {
        throw new AudioInputError("AUDIO_NOT_AUDIO", `${displayName} is not audio: it is an MP4 file with no audio track`);
      }
      const { track } = layout;
      let feed: FeedSegment[] | null = null;
      if (layout.mdatBeforeMoov !== null && layout.mdatBeforeMoov <= MAX_LEADING_BOX_BYTES) {
        feed = planFaststartFeed(await source.read(0, layout.mdatBeforeMoov), layout.moov, source.size);
      }
      return {
        container,
        decoderFormat: "m4a",
        codec: mp4Codec(track.entryType, track.objectType),
        sampleRate: track.sampleRate || null,
        channels: track.channels || null,
        expectedSeconds: track.durationSeconds,
        expectedIsEstimate: false,
        feed: feed ?? [{ start: 0, end: Infinity }],
        packetSeconds: 2048 / (track.sampleRate || 8000),
      };
    }
    case "webm": {
      const info = parseWebmAudioInfo(content);
      if (!info) throw new AudioInputError("AUDIO_NOT_AUDIO", `${displayName} is not audio: it is a WebM/Matroska file with no audio track in its header`);
      const codec = webmCodec(info.codecId);
      return {
        container,
        decoderFormat: "webm",
        codec,
        sampleRate: codec === "opus" ? 48000 : info.sampleRate,
        channels: info.channels,
        expectedSeconds: info.durationSeconds,
        expectedIsEstimate: false,
        feed: [{ start: 0, end: Infinity }],
        packetSeconds: 0.12,
      };
    }
  }
}

function mp4Codec(entryType: string, objectType: number | null): string {
  if (entryType === "mp4a") return objectType === 0x69 || objectType === 0x6b ? "mp3" : "aac";
  const names: Record<string, string> = { alac: "alac", fLaC: "flac", Opus: "opus", ".mp3": "mp3", "ac-3": "ac3", ulaw: "pcm_mulaw", alaw: "pcm_alaw" };
  return names[entryType] ?? (["sowt", "twos", "lpcm", "in24", "in32", "fl32", "fl64", "ipcm", "fpcm", "raw "].includes(entryType) ? "pcm" : entryType.trim());
}

function webmCodec(codecId: string): string {
  const names: Record<string, string> = { A_OPUS: "opus", A_VORBIS: "vorbis", A_FLAC: "flac", "A_MPEG/L3": "mp3", A_AC3: "ac3" };
  if (codecId.startsWith("A_AAC")) return "aac";
  if (codecId.startsWith("A_PCM")) return "pcm";
  return names[codecId] ?? codecId.toLowerCase();
}
