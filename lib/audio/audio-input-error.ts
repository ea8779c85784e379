import { AppError } from "../domain/app-error";

export type AudioInputErrorCode =
  /** The file has zero bytes, or a WAV whose data chunk holds no samples. */
  | "AUDIO_EMPTY"
  /** The content is not audio in any format we recognise (text, an image, random bytes). */
  | "AUDIO_NOT_AUDIO"
  /** A recognised container with a codec or layout we cannot decode (e.g. WAV ADPCM). */
  | "AUDIO_UNSUPPORTED"
  /** The header cannot be read, or the decoder failed before producing any audio. */
  | "AUDIO_CORRUPT"
  /** The file is cut off before any audio could be decoded (truncation after some audio is reported in the outcome instead). */
  | "AUDIO_TRUNCATED"
  /** The file cannot be read at all: permissions, a folder, missing. */
  | "AUDIO_UNREADABLE";

/**
 * Thrown by openAudioDecoding and by a decoding's chunks() when an input file
 * cannot be turned into audio. It is the researcher's input, not a bug: the
 * importer records the message against the file and carries on with the rest.
 */
export class AudioInputError extends AppError {
  override readonly name = "AudioInputError";
  constructor(
    readonly code: AudioInputErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
