import { describe, expect, it } from "vitest";
import { AnnotationParseError } from "./annotation-parse-error";
import { checkedAnnotationText, decodeAnnotationFile } from "./annotation-file-text";

const TEXT = 'text = "生气/angry é"\n';

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = [...(bom ? "\uFEFF" : ""), ...text].flatMap((char) => {
    const code = char.charCodeAt(0);
    return littleEndian ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff];
  });
  return new Uint8Array(units);
}

describe("decodeAnnotationFile", () => {
  it("decodes UTF-16 with and without a byte-order mark, both byte orders (Praat writes big-endian with a mark)", () => {
    expect(decodeAnnotationFile(utf16(TEXT, false, true), "a.TextGrid")).toBe(TEXT);
    expect(decodeAnnotationFile(utf16(TEXT, true, true), "a.TextGrid")).toBe(TEXT);
    expect(decodeAnnotationFile(utf16(TEXT, false, false), "a.TextGrid")).toBe(TEXT);
    expect(decodeAnnotationFile(utf16(TEXT, true, false), "a.TextGrid")).toBe(TEXT);
  });

  it("decodes UTF-8 with or without a mark, and falls back to Latin-1 for bytes that are not UTF-8", () => {
    const utf8 = new TextEncoder().encode(TEXT);
    expect(decodeAnnotationFile(utf8, "a.TextGrid")).toBe(TEXT);
    expect(decodeAnnotationFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), "a.TextGrid")).toBe(TEXT);
    expect(decodeAnnotationFile(new Uint8Array([0x22, 0x63, 0x61, 0x66, 0xe9, 0x22]), "latin1.TextGrid")).toBe('"café"');
  });

  it("refuses UTF-16 that is cut in the middle of a character", () => {
    expect(() => decodeAnnotationFile(new Uint8Array([0xfe, 0xff, 0x00, 0x41, 0xd8]), "cut.TextGrid")).toThrow(/cut\.TextGrid: its bytes are not valid utf-16be/);
  });
});

describe("checkedAnnotationText", () => {
  it("drops a decoded byte-order mark and refuses UTF-16 read as a single-byte encoding", () => {
    expect(checkedAnnotationText("\uFEFFabc", "a.eaf")).toBe("abc");
    expect(() => checkedAnnotationText("\u00FE\u00FF\u0000F", "a.TextGrid")).toThrow(AnnotationParseError);
  });
});
