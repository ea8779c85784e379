import { crc32 } from "./crc32";
import { ZipWriteError } from "./zip-write-error";

export interface ZipEntry {
  /** Path inside the archive with "/" between folders, e.g. "outputs_20261121_103000/result.json". */
  name: string;
  data: Uint8Array;
  /** Modification time; without it the entry carries the zip epoch, 1980-01-01 00:00, so archives are reproducible. */
  modified?: Date;
}

export interface ZipOptions {
  /**
   * Zip's own (MS-DOS) timestamps are wall-clock time without a zone; they
   * are written at UTC plus this offset (the researcher's local time). The
   * exact instant also goes into an extended-timestamp field, which unzip and
   * 7-Zip prefer.
   */
  utcOffsetMinutes?: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const VERSION_NEEDED = 20; // 2.0: what every unzip handles; stored entries and folders in names
const VERSION_MADE_BY = (3 << 8) | VERSION_NEEDED; // 3 = Unix, so the external attributes are a file mode
const FLAG_UTF8_NAME = 0x0800;
const METHOD_STORED = 0;
const UNIX_FILE_MODE = 0o100644;
const EXTENDED_TIMESTAMP = 0x5455;
const MAX_32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;
const encoder = new TextEncoder();

/**
 * A zip archive of `entries`, stored without compression (embeddings and WAV
 * barely compress, and stored entries stream and seek well), with CRC-32s,
 * local headers, a central directory and its end record. Names are UTF-8 with
 * the UTF-8 flag set. No Zip64: throws ZipWriteError (ZIP_TOO_LARGE) past
 * 4 GiB or 65,535 entries, and for names that are empty, absolute, contain
 * "..", "\" or empty segments, or repeat (ZIP_ENTRY_NAME_*).
 */
export function createZip(entries: readonly ZipEntry[], options: ZipOptions = {}): Uint8Array {
  const parts = createZipParts(entries, options);
  const zip = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    zip.set(part, offset);
    offset += part.length;
  }
  return zip;
}

/**
 * The same archive as createZip as a list of byte chunks (headers, then each
 * entry's data as given, not copied), for streaming a large download without
 * first joining it into one buffer.
 */
export function createZipParts(entries: readonly ZipEntry[], options: ZipOptions = {}): Uint8Array[] {
  if (entries.length > MAX_ENTRIES) throw new ZipWriteError("ZIP_TOO_LARGE", `cannot write a zip of ${entries.length} files; the limit is ${MAX_ENTRIES}`);
  const offsetMinutes = options.utcOffsetMinutes ?? 0;
  const seen = new Set<string>();
  const parts: Uint8Array[] = [];
  const centralHeaders: Uint8Array[] = [];
  let offset = 0;

  for (const entry of entries) {
    const nameBytes = checkedName(entry.name, seen);
    if (entry.data.length > MAX_32) throw tooLarge(`${entry.name} is ${entry.data.length} bytes`);
    const stamp = timestamps(entry.modified, offsetMinutes);
    const crc = crc32(entry.data);

    const local = new Uint8Array(30 + nameBytes.length + stamp.extra.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, LOCAL_HEADER, true);
    l.setUint16(4, VERSION_NEEDED, true);
    l.setUint16(6, FLAG_UTF8_NAME, true);
    l.setUint16(8, METHOD_STORED, true);
    l.setUint16(10, stamp.dosTime, true);
    l.setUint16(12, stamp.dosDate, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, entry.data.length, true);
    l.setUint32(22, entry.data.length, true);
    l.setUint16(26, nameBytes.length, true);
    l.setUint16(28, stamp.extra.length, true);
    local.set(nameBytes, 30);
    local.set(stamp.extra, 30 + nameBytes.length);

    const central = new Uint8Array(46 + nameBytes.length + stamp.extra.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, CENTRAL_HEADER, true);
    c.setUint16(4, VERSION_MADE_BY, true);
    c.setUint16(6, VERSION_NEEDED, true);
    c.setUint16(8, FLAG_UTF8_NAME, true);
    c.setUint16(10, METHOD_STORED, true);
    c.setUint16(12, stamp.dosTime, true);
    c.setUint16(14, stamp.dosDate, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, entry.data.length, true);
    c.setUint32(24, entry.data.length, true);
    c.setUint16(28, nameBytes.length, true);
    c.setUint16(30, stamp.extra.length, true);
    // 32 comment length, 34 disk number, 36 internal attributes: all 0.
    c.setUint32(38, (UNIX_FILE_MODE << 16) >>> 0, true);
    c.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    central.set(stamp.extra, 46 + nameBytes.length);

    parts.push(local, entry.data);
    centralHeaders.push(central);
    offset += local.length + entry.data.length;
    if (offset > MAX_32) throw tooLarge(`the files up to ${entry.name} take ${offset} bytes`);
  }

  const directorySize = centralHeaders.reduce((total, header) => total + header.length, 0);
  if (offset + directorySize > MAX_32) throw tooLarge(`the archive would take ${offset + directorySize} bytes`);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
  // 4 this disk, 6 disk with the directory: 0.
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, offset, true);
  // 20 comment length: 0.
  return [...parts, ...centralHeaders, end];
}

function checkedName(name: string, seen: Set<string>): Uint8Array {
  const invalid = (reason: string) => new ZipWriteError("ZIP_ENTRY_NAME_INVALID", `cannot add "${name}" to the zip: ${reason}`);
  if (name.length === 0) throw invalid("the name is empty");
  if (name.includes("\\") || name.includes("\0")) throw invalid("names use / between folders and contain no backslash or NUL");
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) throw invalid("the name is an absolute path");
  // Empty, "." and ".." segments would let an unzip place the file somewhere other than the name says.
  if (name.split("/").some((segment) => segment === "" || segment === "." || segment === "..")) {
    throw invalid('the name has an empty, "." or ".." folder');
  }
  if (seen.has(name)) throw new ZipWriteError("ZIP_ENTRY_NAME_DUPLICATE", `cannot add "${name}" to the zip twice`);
  seen.add(name);
  const bytes = encoder.encode(name);
  if (bytes.length > 0xffff) throw invalid(`the name is ${bytes.length} bytes; the limit is 65,535`);
  return bytes;
}

function tooLarge(detail: string): ZipWriteError {
  return new ZipWriteError("ZIP_TOO_LARGE", `cannot write the zip: ${detail}, past the 4 GiB a zip without Zip64 can hold`);
}

/** DOS date and time (2-second steps, 1980–2107) and, for a given time, the extended-timestamp extra field. */
function timestamps(modified: Date | undefined, offsetMinutes: number): { dosTime: number; dosDate: number; extra: Uint8Array } {
  if (modified === undefined || Number.isNaN(modified.getTime())) return { dosTime: 0, dosDate: (1 << 5) | 1, extra: new Uint8Array(0) };
  const wall = new Date(modified.getTime() + offsetMinutes * 60_000);
  const year = wall.getUTCFullYear();
  const clamped =
    year < 1980
      ? { dosTime: 0, dosDate: (1 << 5) | 1 }
      : year > 2107
        ? { dosTime: (23 << 11) | (59 << 5) | 29, dosDate: (127 << 9) | (12 << 5) | 31 }
        : {
            dosTime: (wall.getUTCHours() << 11) | (wall.getUTCMinutes() << 5) | (wall.getUTCSeconds() >> 1),
            dosDate: ((year - 1980) << 9) | ((wall.getUTCMonth() + 1) << 5) | wall.getUTCDate(),
          };
  const seconds = Math.floor(modified.getTime() / 1000);
  // The extended timestamp is a signed 32-bit Unix time; outside it only the DOS time is written.
  if (seconds < 0 || seconds > 0x7fffffff) return { ...clamped, extra: new Uint8Array(0) };
  const extra = new Uint8Array(9);
  const view = new DataView(extra.buffer);
  view.setUint16(0, EXTENDED_TIMESTAMP, true);
  view.setUint16(2, 5, true);
  extra[4] = 1; // flags: modification time present
  view.setUint32(5, seconds, true);
  return { ...clamped, extra };
}
