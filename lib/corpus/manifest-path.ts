/**
 * Normal form of a manifest path for comparison with the files found under an
 * import root: Windows separators become `/`, `.` segments and repeated or
 * trailing separators go, and Unicode is NFC (macOS stores names decomposed,
 * spreadsheets usually composed). `..` is kept, so a path that leaves the root
 * matches no file. Case is kept: file systems here are case-sensitive.
 */
export function normalizeManifestPath(path: string): string {
  return path
    .trim()
    .normalize("NFC")
    .replace(/\\/g, "/")
    .split("/")
    .filter((segment, index) => segment !== "." && (segment !== "" || index === 0))
    .join("/")
    .replace(/\/+$/, "");
}

/** The last path segment of a normalised path. */
export function manifestBaseName(normalizedPath: string): string {
  return normalizedPath.slice(normalizedPath.lastIndexOf("/") + 1);
}
