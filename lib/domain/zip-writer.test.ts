import { describe, expect, it } from "vitest";
import { crc32 } from "./crc32";
import { createZip, createZipParts } from "./zip-writer";
import { ZipWriteError } from "./zip-write-error";

const text = (value: string) => new TextEncoder().encode(value);

interface CentralRecord {
  flags: number;
  method: number;
  dosTime: number;
  dosDate: number;
  crc: number;
  size: number;
  name: string;
  extra: Uint8Array;
  localOffset: number;
  externalAttributes: number;
}

/** Reads the end record and central directory the way an unzip does, checking each local header against it. */
function readZip(zip: Uint8Array): { entries: (CentralRecord & { data: Uint8Array })[]; directoryOffset: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  expect(view.getUint16(end + 8, true)).toBe(count);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  expect(directoryOffset + directorySize).toBe(end);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const entries: (CentralRecord & { data: Uint8Array })[] = [];
  let at = directoryOffset;
  for (let index = 0; index < count; index++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const record: CentralRecord = {
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      dosTime: view.getUint16(at + 12, true),
      dosDate: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
      size: view.getUint32(at + 24, true),
      name: decoder.decode(zip.subarray(at + 46, at + 46 + nameLength)),
      extra: zip.slice(at + 46 + nameLength, at + 46 + nameLength + extraLength),
      localOffset: view.getUint32(at + 42, true),
      externalAttributes: view.getUint32(at + 38, true),
    };
    expect(view.getUint32(at + 20, true)).toBe(record.size);
    at += 46 + nameLength + extraLength + view.getUint16(at + 32, true);

    const local = record.localOffset;
    expect(view.getUint32(local, true)).toBe(0x04034b50);
    expect(view.getUint16(local + 6, true)).toBe(record.flags);
    expect(view.getUint16(local + 8, true)).toBe(record.method);
    expect([view.getUint16(local + 10, true), view.getUint16(local + 12, true)]).toEqual([record.dosTime, record.dosDate]);
    expect([view.getUint32(local + 14, true), view.getUint32(local + 18, true), view.getUint32(local + 22, true)]).toEqual([
      record.crc,
      record.size,
      record.size,
    ]);
    const localName = view.getUint16(local + 26, true);
    const dataStart = local + 30 + localName + view.getUint16(local + 28, true);
    expect(decoder.decode(zip.subarray(local + 30, local + 30 + localName))).toBe(record.name);
    entries.push({ ...record, data: zip.subarray(dataStart, dataStart + record.size) });
  }
  expect(at).toBe(end);
  return { entries, directoryOffset };
}

describe("createZip", () => {
  it("stores each file with its CRC-32 behind a local header and lists it in the central directory", () => {
    const json = text('{"emotion": "happy"}');
    const npy = new Uint8Array(1000).map((_, index) => index & 0xff);
    const zip = createZip([
      { name: "outputs_20261121_103000/result.json", data: json },
      { name: "outputs_20261121_103000/embedding.npy", data: npy },
    ]);
    const { entries } = readZip(zip);
    expect(entries.map((entry) => entry.name)).toEqual(["outputs_20261121_103000/result.json", "outputs_20261121_103000/embedding.npy"]);
    expect(entries.map((entry) => [entry.method, entry.flags, entry.size])).toEqual([
      [0, 0x0800, json.length],
      [0, 0x0800, 1000],
    ]);
    expect(entries[0]!.crc).toBe(crc32(json));
    expect(entries[1]!.crc).toBe(crc32(npy));
    expect(entries[0]!.data).toEqual(json);
    expect(entries[1]!.data).toEqual(npy);
    expect(entries[0]!.localOffset).toBe(0);
    // A regular file, rw-r--r--, in the Unix mode bits.
    expect(entries[0]!.externalAttributes >>> 16).toBe(0o100644);
  });

  it("writes UTF-8 names as UTF-8 with the flag set", () => {
    const { entries } = readZip(createZip([{ name: "Sitzung – Büro/生气.json", data: text("{}") }]));
    expect(entries[0]).toMatchObject({ name: "Sitzung – Büro/生气.json", flags: 0x0800 });
  });

  it("writes the DOS time at the given offset from UTC and the exact instant as an extended timestamp", () => {
    const modified = new Date("2026-11-21T09:30:07Z");
    const { entries } = readZip(createZip([{ name: "a.txt", data: text("a"), modified }], { utcOffsetMinutes: 60 }));
    const { dosTime, dosDate, extra } = entries[0]!;
    // 10:30:06 local (DOS time has 2-second steps) on 2026-11-21.
    expect([dosTime >> 11, (dosTime >> 5) & 0x3f, (dosTime & 0x1f) * 2]).toEqual([10, 30, 6]);
    expect([(dosDate >> 9) + 1980, (dosDate >> 5) & 0x0f, dosDate & 0x1f]).toEqual([2026, 11, 21]);
    const view = new DataView(extra.buffer);
    expect([view.getUint16(0, true), view.getUint16(2, true), extra[4], view.getUint32(5, true)]).toEqual([0x5455, 5, 1, modified.getTime() / 1000]);
  });

  it("is reproducible without dates: the zip epoch, no extended timestamp", () => {
    const entries = [{ name: "a.txt", data: text("same") }];
    const zip = createZip(entries);
    expect(createZip(entries)).toEqual(zip);
    expect(readZip(zip).entries[0]).toMatchObject({ dosTime: 0, dosDate: (1 << 5) | 1, extra: new Uint8Array(0) });
  });

  it("writes an empty archive as just the end record", () => {
    expect(Array.from(createZip([]))).toEqual([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
  });

  it("gives the same bytes as parts, without copying the files' data", () => {
    const data = new Uint8Array(4096).fill(7);
    const entries = [
      { name: "x/one.bin", data },
      { name: "x/two.bin", data: text("two") },
    ];
    const parts = createZipParts(entries);
    expect(parts[1]).toBe(data);
    const joined = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
    parts.reduce((offset, part) => (joined.set(part, offset), offset + part.length), 0);
    expect(joined).toEqual(createZip(entries));
  });

  it.each([
    ["", "the name is empty"],
    ["/etc/passwd", "absolute path"],
    ["C:/x.txt", "absolute path"],
    ["a/../../x.txt", 'empty, "." or ".." folder'],
    ["a//x.txt", 'empty, "." or ".." folder'],
    ["folder/", 'empty, "." or ".." folder'],
    ["a\\x.txt", "no backslash"],
  ])("refuses the unsafe name %j", (name, reason) => {
    const attempt = () => createZip([{ name, data: text("x") }]);
    expect(attempt).toThrow(ZipWriteError);
    expect(attempt).toThrow(reason);
  });

  it("refuses the same name twice", () => {
    const attempt = () =>
      createZip([
        { name: "a.txt", data: text("1") },
        { name: "a.txt", data: text("2") },
      ]);
    expect(attempt).toThrow('cannot add "a.txt" to the zip twice');
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ name: "ZipWriteError", code: "ZIP_ENTRY_NAME_DUPLICATE" });
    }
  });
});
