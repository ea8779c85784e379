import { AnnotationParseError } from "./annotation-parse-error";

/**
 * Bytes of an annotation file → text. Praat saves a TextGrid as UTF-16 (big
 * endian, with a byte-order mark) as soon as a label is not ASCII, and older
 * Praat versions as ISO Latin-1; ELAN and Label Studio write UTF-8. So: a
 * byte-order mark decides; without one, NUL bytes in every other position
 * mean UTF-16 without a mark; otherwise UTF-8, and Windows-1252 (a superset
 * of Latin-1) when the bytes are not valid UTF-8.
 */
export function decodeAnnotationFile(bytes: Uint8Array, fileName: string): string {
  const encoding = detectEncoding(bytes);
  try {
    return new TextDecoder(encoding, { fatal: encoding !== "windows-1252" }).decode(bytes);
  } catch {
    throw new AnnotationParseError("TEXT_ENCODING", `cannot read ${fileName}: its bytes are not valid ${encoding}; save it again as UTF-8 text`);
  }
}

/**
 * Refuses text that was decoded with the wrong encoding (UTF-16 read as UTF-8
 * or Latin-1), which would otherwise fail later with a puzzling syntax error.
 * A decoded byte-order mark is dropped.
 */
export function checkedAnnotationText(text: string, fileName: string): string {
  if (text.includes("\u0000") || text.startsWith("\uFFFD\uFFFD") || text.startsWith("\u00FE\u00FF") || text.startsWith("\u00FF\u00FE")) {
    throw new AnnotationParseError(
      "TEXT_ENCODING",
      `cannot read ${fileName}: it is UTF-16 text (Praat writes TextGrids so when a label is not ASCII) read as if it were UTF-8; decode its bytes with decodeAnnotationFile first`,
    );
  }
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

function detectEncoding(bytes: Uint8Array): "utf-8" | "utf-16be" | "utf-16le" | "windows-1252" {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes.length >= 2 && bytes[0] === 0 && bytes[1] !== 0) return "utf-16be";
  if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0) return "utf-16le";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}
