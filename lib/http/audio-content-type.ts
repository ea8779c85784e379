/**
 * The media type a browser needs to play a stored original, from the
 * recording's `format` ("<container>/<codec>", as the importer sniffed it from
 * the content). The 16 kHz analysis copy is always WAV.
 */
const CONTAINER_TYPES: Readonly<Record<string, string>> = {
  wav: "audio/wav",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  aac: "audio/aac",
  flac: "audio/flac",
  "ogg-vorbis": "audio/ogg",
  "ogg-opus": "audio/ogg",
  webm: "audio/webm",
};

export const ANALYSIS_AUDIO_TYPE = "audio/wav";

/** Unknown containers are served as opaque bytes rather than mislabelled. */
export function audioContentType(format: string): string {
  const container = format.split("/", 1)[0]?.trim().toLowerCase() ?? "";
  return CONTAINER_TYPES[container] ?? "application/octet-stream";
}
