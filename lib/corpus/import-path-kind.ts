/**
 * What the importer does with a file, judged from its name alone. "unknown"
 * files (no or unfamiliar extension) are sniffed by the importer, since
 * recorders often write audio without a usable extension; "ignored" files are
 * ones researchers keep beside their audio that are certainly not audio.
 */
export type ImportFileKind = "audio-candidate" | "manifest" | "ignored" | "unknown";

export const AUDIO_EXTENSIONS: ReadonlySet<string> = new Set([
  "wav", "wave", "mp3", "m4a", "mp4", "aac", "flac", "ogg", "oga", "opus", "webm", "weba",
]);
export const MANIFEST_EXTENSIONS: ReadonlySet<string> = new Set(["csv", "tsv", "jsonl", "ndjson"]);
export const IGNORED_EXTENSIONS: ReadonlySet<string> = new Set([
  // notes and documents
  "txt", "md", "rtf", "pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "html", "htm", "xml", "yaml", "yml", "log", "ini", "cfg",
  // data and model files
  "json", "npy", "npz", "pkl", "pt", "pth", "onnx", "h5", "mat", "sav",
  // annotations (Praat, ELAN), handled by later features, not as audio
  "textgrid", "eaf",
  // images, archives, checksums
  "png", "jpg", "jpeg", "gif", "svg", "tif", "tiff", "zip", "gz", "tar", "7z", "md5", "sha256",
]);

export function classifyImportFile(relativePath: string): ImportFileKind {
  const name = relativePath.slice(Math.max(relativePath.lastIndexOf("/"), relativePath.lastIndexOf("\\")) + 1);
  const dot = name.lastIndexOf(".");
  // A leading dot starts a hidden name, not an extension.
  if (dot <= 0) return "unknown";
  const extension = name.slice(dot + 1).toLowerCase();
  if (AUDIO_EXTENSIONS.has(extension)) return "audio-candidate";
  if (MANIFEST_EXTENSIONS.has(extension)) return "manifest";
  if (IGNORED_EXTENSIONS.has(extension)) return "ignored";
  return "unknown";
}
