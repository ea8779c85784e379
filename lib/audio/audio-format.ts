/** Containers the importer recognises by their content (magic bytes), not their file extension. */
export type AudioContainer = "wav" | "mp3" | "m4a" | "aac" | "flac" | "ogg-vorbis" | "ogg-opus" | "webm";

export interface AudioStreamInfo {
  container: AudioContainer;
  /** e.g. "pcm_s16le", "pcm_f32le", "pcm_mulaw", "mp3", "aac", "flac", "vorbis", "opus". */
  codec: string;
  /** Rate of the decoded samples (for Opus always 48000, whatever rate the encoder was fed). */
  sampleRate: number;
  channels: number;
  bitsPerSample?: number;
  /**
   * From the header when the format says (WAV data size, MP3 Xing/Info/VBRI frame count, FLAC STREAMINFO total samples,
   * MP4 edit list or mdhd duration, Ogg end-of-stream granule, WebM Duration). A streaming WAV's comes from the file size,
   * an MP3 without Xing/VBRI header's is estimated from size and bitrate. Absent when nothing says (raw AAC, a cut Ogg).
   */
  expectedDurationSeconds?: number;
}

/** Planar samples in [-1, 1]; every channel has the same length. */
export interface DecodedChunk {
  channels: Float32Array[];
}

export interface DecodeTruncation {
  endsAtSeconds: number;
  expectedSeconds: number | null;
  /** For the researcher, e.g. "stream ends at 12.4 s of 35.0 s". */
  detail: string;
}

export interface DecodeOutcome {
  decodedFrames: number;
  /** Present when the stream ended early: the audio up to endsAtSeconds was yielded. */
  truncation?: DecodeTruncation;
}

export interface AudioDecoding {
  info: AudioStreamInfo;
  /**
   * Yields chunks in order and returns the outcome. Each call decodes the file
   * from its start again. Aborting the signal stops between chunks with a
   * DecodeCancelledError; breaking out of the loop closes the file.
   */
  chunks(signal?: AbortSignal): AsyncGenerator<DecodedChunk, DecodeOutcome>;
}

export interface OpenAudioOptions {
  /** What error messages call the file; the importer passes the path relative to the import root. Default: the base name. */
  displayName?: string;
  /** Bytes read from the file per step (default 4 MiB for WAV, 1 MiB for compressed formats); tests use small values. */
  readBlockBytes?: number;
}
