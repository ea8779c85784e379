/**
 * The records of a stored (uncompressed) zip archive whose entries' sizes and
 * CRCs are known before their data is written, with Zip64 where sizes,
 * offsets or the entry count pass what 32/16-bit fields hold. Every entry has
 * the zip epoch as its time, so the same files give the same archive, byte
 * for byte. The export writes its snapshot archive with these; small
 * in-memory zips use zip-writer.ts.
 */

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_EXTRA = 0x0001;
const FLAG_UTF8_NAME = 0x0800;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;
const UNIX_FILE_MODE = 0o100644;
// 1980-01-01 00:00 in MS-DOS date and time.
const DOS_DATE = (1 << 5) | 1;
const DOS_TIME = 0;
const encoder = new TextEncoder();

export interface ZipStreamEntry {
  /** Path inside the archive, "/" between folders. */
  readonly name: string;
  readonly size: number;
  readonly crc32: number;
}

const versionFor = (zip64: boolean) => (zip64 ? 45 : 20);

/** The local header written before an entry's data. */
export function zipLocalHeader(entry: ZipStreamEntry): Uint8Array {
  const name = encoder.encode(entry.name);
  const zip64 = entry.size >= MAX_32;
  const extra = zip64 ? zip64Extra([entry.size, entry.size]) : new Uint8Array(0);
  const header = new Uint8Array(30 + name.length + extra.length);
  const view = new DataView(header.buffer);
  view.setUint32(0, LOCAL_HEADER, true);
  view.setUint16(4, versionFor(zip64), true);
  view.setUint16(6, FLAG_UTF8_NAME, true);
  view.setUint16(8, 0, true);
  view.setUint16(10, DOS_TIME, true);
  view.setUint16(12, DOS_DATE, true);
  view.setUint32(14, entry.crc32, true);
  view.setUint32(18, zip64 ? MAX_32 : entry.size, true);
  view.setUint32(22, zip64 ? MAX_32 : entry.size, true);
  view.setUint16(26, name.length, true);
  view.setUint16(28, extra.length, true);
  header.set(name, 30);
  header.set(extra, 30 + name.length);
  return header;
}

/** The central-directory record of an entry whose local header starts at `offset`. */
export function zipCentralHeader(entry: ZipStreamEntry, offset: number): Uint8Array {
  const name = encoder.encode(entry.name);
  const bigSize = entry.size >= MAX_32;
  const bigOffset = offset >= MAX_32;
  const extraValues = [...(bigSize ? [entry.size, entry.size] : []), ...(bigOffset ? [offset] : [])];
  const extra = extraValues.length ? zip64Extra(extraValues) : new Uint8Array(0);
  const header = new Uint8Array(46 + name.length + extra.length);
  const view = new DataView(header.buffer);
  const version = versionFor(extraValues.length > 0);
  view.setUint32(0, CENTRAL_HEADER, true);
  view.setUint16(4, (3 << 8) | version, true);
  view.setUint16(6, version, true);
  view.setUint16(8, FLAG_UTF8_NAME, true);
  view.setUint16(10, 0, true);
  view.setUint16(12, DOS_TIME, true);
  view.setUint16(14, DOS_DATE, true);
  view.setUint32(16, entry.crc32, true);
  view.setUint32(20, bigSize ? MAX_32 : entry.size, true);
  view.setUint32(24, bigSize ? MAX_32 : entry.size, true);
  view.setUint16(28, name.length, true);
  view.setUint16(30, extra.length, true);
  view.setUint32(38, (UNIX_FILE_MODE << 16) >>> 0, true);
  view.setUint32(42, bigOffset ? MAX_32 : offset, true);
  header.set(name, 46);
  header.set(extra, 46 + name.length);
  return header;
}

/** What ends the archive: the Zip64 end record and locator when needed, then the classic end record. */
export function zipEndRecords(entryCount: number, directoryOffset: number, directorySize: number): Uint8Array {
  const zip64 = entryCount >= MAX_16 || directoryOffset >= MAX_32 || directorySize >= MAX_32;
  const parts: Uint8Array[] = [];
  if (zip64) {
    const record = new Uint8Array(56);
    const view = new DataView(record.buffer);
    view.setUint32(0, ZIP64_END, true);
    view.setBigUint64(4, 44n, true);
    view.setUint16(12, (3 << 8) | 45, true);
    view.setUint16(14, 45, true);
    view.setBigUint64(24, BigInt(entryCount), true);
    view.setBigUint64(32, BigInt(entryCount), true);
    view.setBigUint64(40, BigInt(directorySize), true);
    view.setBigUint64(48, BigInt(directoryOffset), true);
    const locator = new Uint8Array(20);
    const at = new DataView(locator.buffer);
    at.setUint32(0, ZIP64_LOCATOR, true);
    at.setBigUint64(8, BigInt(directoryOffset + directorySize), true);
    at.setUint32(16, 1, true);
    parts.push(record, locator);
  }
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
  view.setUint16(8, Math.min(entryCount, MAX_16), true);
  view.setUint16(10, Math.min(entryCount, MAX_16), true);
  view.setUint32(12, Math.min(directorySize, MAX_32), true);
  view.setUint32(16, Math.min(directoryOffset, MAX_32), true);
  parts.push(end);
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function zip64Extra(values: readonly number[]): Uint8Array {
  const extra = new Uint8Array(4 + 8 * values.length);
  const view = new DataView(extra.buffer);
  view.setUint16(0, ZIP64_EXTRA, true);
  view.setUint16(2, 8 * values.length, true);
  values.forEach((value, index) => view.setBigUint64(4 + 8 * index, BigInt(value), true));
  return extra;
}
