import { describe, expect, it } from "vitest";
import { MAX_SEGMENT_BYTES, sanitiseUploadPath } from "./upload-path";

describe("sanitiseUploadPath", () => {
  it("keeps ordinary relative paths as they are", () => {
    expect(sanitiseUploadPath("study/P012/session-1.wav")).toBe("study/P012/session-1.wav");
    expect(sanitiseUploadPath("interview 03 (final).m4a")).toBe("interview 03 (final).m4a");
    expect(sanitiseUploadPath(".hidden/manifest.csv")).toBe(".hidden/manifest.csv");
  });

  it("keeps ../ escapes inside the upload by dropping the dot segments", () => {
    expect(sanitiseUploadPath("../../etc/passwd")).toBe("etc/passwd");
    expect(sanitiseUploadPath("a/./b/../c.wav")).toBe("a/b/c.wav");
    expect(sanitiseUploadPath("..\\..\\windows\\win.ini")).toBe("windows/win.ini");
  });

  it("never returns an absolute path", () => {
    expect(sanitiseUploadPath("/etc/passwd")).toBe("etc/passwd");
    expect(sanitiseUploadPath("//server/share/a.wav")).toBe("server/share/a.wav");
    expect(sanitiseUploadPath("\\\\server\\share\\a.wav")).toBe("server/share/a.wav");
  });

  it("drops a Windows drive and splits on backslashes", () => {
    expect(sanitiseUploadPath("C:\\x\\y.wav")).toBe("x/y.wav");
    expect(sanitiseUploadPath("d:/recordings/a.wav")).toBe("recordings/a.wav");
  });

  it("replaces characters Windows forbids and removes control characters", () => {
    expect(sanitiseUploadPath('a:b<c>d"e|f?g*h.wav')).toBe("a_b_c_d_e_f_g_h.wav");
    expect(sanitiseUploadPath("bad\u0000name\u001f\u007f.wav")).toBe("badname.wav");
    expect(sanitiseUploadPath("line\nbreak.wav")).toBe("linebreak.wav");
  });

  it("trims trailing dots and spaces and prefixes reserved device names", () => {
    expect(sanitiseUploadPath("folder. /file.wav  ")).toBe("folder/file.wav");
    expect(sanitiseUploadPath("CON")).toBe("_CON");
    expect(sanitiseUploadPath("data/nul.wav")).toBe("data/_nul.wav");
    expect(sanitiseUploadPath("console.wav")).toBe("console.wav");
  });

  it("returns null when nothing usable remains", () => {
    for (const raw of ["", "/", "..", "../..", " . ", "\u0000", "C:\\", "...", "  /  "]) {
      expect(sanitiseUploadPath(raw), JSON.stringify(raw)).toBeNull();
    }
  });

  it("puts names in NFC so decomposed macOS names match typed ones", () => {
    const decomposed = "Se\u0301ance.wav";
    expect(sanitiseUploadPath(decomposed)).toBe("S\u00e9ance.wav");
  });

  it("cuts a long segment at a character boundary, keeping its extension", () => {
    const long = `${"é".repeat(300)}.wav`;
    const result = sanitiseUploadPath(`dir/${long}`)!;
    const name = result.split("/")[1]!;
    expect(name.endsWith(".wav")).toBe(true);
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
    expect(name.startsWith("éé")).toBe(true);
    expect(name).not.toContain("\ufffd");
  });

  it("refuses a path longer than the limit", () => {
    const deep = Array.from({ length: 200 }, () => "folder").join("/");
    expect(sanitiseUploadPath(`${deep}/a.wav`)).toBeNull();
  });
});
