/**
 * Turns the relative path a browser sent with an uploaded file (its
 * webkitRelativePath, or just its name) into a safe relative path under the
 * upload folder. Pure. Browser-supplied names never reach the file system
 * without passing through here.
 *
 * - Separators: both `/` and `\` split segments.
 * - `.`, `..` and empty segments are dropped, so `../../etc/passwd` becomes
 *   `etc/passwd` inside the upload, never outside it.
 * - A leading drive (`C:`) is dropped: `C:\x\y.wav` becomes `x/y.wav`; the
 *   drive letter means nothing to the researcher's corpus.
 * - Control characters are removed; characters Windows forbids in names
 *   (`<>:"|?*`) become `_`, so the upload folder can be copied to any system.
 * - Trailing dots and spaces (invalid on Windows) are trimmed; reserved device
 *   names (CON, NUL, COM1, …) get a `_` prefix.
 * - Names are put in Unicode NFC (macOS sends NFD), so manifest rows typed on
 *   another system still match.
 * - A segment is cut to MAX_SEGMENT_BYTES of UTF-8, keeping its extension.
 *
 * Returns null when nothing usable remains (an empty name, only dots) or the
 * path is longer than MAX_PATH_CHARACTERS.
 */
export const MAX_SEGMENT_BYTES = 200;
export const MAX_PATH_CHARACTERS = 1024;

const WINDOWS_FORBIDDEN = /[<>:"|?*]/g;
const DRIVE = /^[a-z]:$/i;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

export function sanitiseUploadPath(raw: string): string | null {
  const rawSegments = raw.normalize("NFC").split(/[/\\]+/);
  if (rawSegments.length > 0 && DRIVE.test(rawSegments[0]!.trim())) rawSegments.shift();
  const segments: string[] = [];
  for (const rawSegment of rawSegments) {
    const segment = cleanSegment(rawSegment);
    if (segment !== null) segments.push(segment);
  }
  if (segments.length === 0) return null;
  const joined = segments.join("/");
  return joined.length > MAX_PATH_CHARACTERS ? null : joined;
}

function cleanSegment(raw: string): string | null {
  let segment = stripControlCharacters(raw).trim();
  if (segment === "" || segment === "." || segment === "..") return null;
  segment = segment.replace(WINDOWS_FORBIDDEN, "_").replace(/[. ]+$/, "");
  if (segment === "") return null;
  if (RESERVED.test(segment)) segment = `_${segment}`;
  return truncateSegment(segment);
}

/** C0 and C1 control characters out: they could forge lines in a report or a log. */
export function stripControlCharacters(text: string): string {
  let kept = "";
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code > 0x1f && (code < 0x7f || code > 0x9f)) kept += character;
  }
  return kept;
}

function truncateSegment(segment: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(segment).length <= MAX_SEGMENT_BYTES) return segment;
  const dot = segment.lastIndexOf(".");
  // Keep a short extension: it is what tells the importer (and people) what the file is.
  const extension = dot > 0 && segment.length - dot <= 16 ? segment.slice(dot) : "";
  const budget = MAX_SEGMENT_BYTES - encoder.encode(extension).length;
  let stem = "";
  let used = 0;
  // Whole code points only, so a name is never cut inside a character.
  for (const character of segment.slice(0, segment.length - extension.length)) {
    const size = encoder.encode(character).length;
    if (used + size > budget) break;
    stem += character;
    used += size;
  }
  return `${stem}${extension}`;
}
