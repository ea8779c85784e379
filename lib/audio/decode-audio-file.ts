import { basename } from "node:path";
import type { AudioContainer, AudioDecoding, OpenAudioOptions } from "./audio-format";
import { AudioInputError } from "./audio-input-error";
import { openFileSource } from "./decode-byte-source";
import { openCompressedDecoding } from "./decode-compressed";
import { probeCompressed } from "./decode-stream-probe";
import { id3v2TagLength, sniffAudioContainer } from "./sniff-audio-container";
import { describeUnrecognisedContent } from "./sniff-content-description";
import { openWavDecoding } from "./wav-reader";
import { readWavLayout } from "./wav-header";

const HEAD_BYTES = 64 * 1024;

/**
 * Opens an audio file for streaming decode. Sniffs the content (magic bytes,
 * not the extension), reads the header and, for compressed formats, decodes
 * ahead to the first audio so `info` is complete. Throws AudioInputError with
 * a message naming `displayName` when the file cannot be decoded at all.
 * Holds no file open afterwards: each chunks() call opens the file itself.
 */
export async function openAudioDecoding(filePath: string, options: OpenAudioOptions = {}): Promise<AudioDecoding> {
  const displayName = options.displayName ?? basename(filePath);
  const file = await openFileSource(filePath, displayName);
  try {
    if (file.size === 0) throw new AudioInputError("AUDIO_EMPTY", `${displayName} is empty (0 bytes)`);
    const head = await file.read(0, HEAD_BYTES);
    // An ID3v2 tag (often with cover art) can push the audio past the first read, so read again after it.
    const contentOffset = id3v2TagLength(head);
    const content = contentOffset === 0 ? head : await file.read(contentOffset, HEAD_BYTES);
    const container: AudioContainer | null = sniffAudioContainer(content) ?? (contentOffset > 0 ? "mp3" : null);
    if (!container) {
      const { code, message } = describeUnrecognisedContent(head, displayName);
      throw new AudioInputError(code, message);
    }
    if (container === "wav") {
      const layout = await readWavLayout(file, displayName);
      const presentFrames = Math.floor(Math.max(0, file.size - layout.dataOffset) / layout.blockAlign);
      const declaredFrames = layout.declaredDataBytes === null ? null : Math.floor(layout.declaredDataBytes / layout.blockAlign);
      if (declaredFrames === 0 || (declaredFrames === null && presentFrames === 0)) {
        throw new AudioInputError("AUDIO_EMPTY", `${displayName} holds no audio: its data chunk is empty`);
      }
      if (presentFrames === 0) {
        throw new AudioInputError(
          "AUDIO_TRUNCATED",
          `cannot decode ${displayName}: its header declares ${(declaredFrames! / layout.sampleRate).toFixed(1)} s of audio but the file ends where the audio should begin`,
        );
      }
      return openWavDecoding(filePath, displayName, layout, file.size, options.readBlockBytes);
    }
    const probe = await probeCompressed(container, file, content, contentOffset, displayName);
    return await openCompressedDecoding(filePath, displayName, probe, options.readBlockBytes);
  } finally {
    await file.close().catch(() => undefined);
  }
}
