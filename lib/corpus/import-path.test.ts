import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveImportPath } from "./import-path";
import { ImportPathError } from "./import-path-error";
import { isWithinRoots } from "./import-roots";

describe("resolveImportPath", () => {
  // realpath: on some systems the temp folder itself is behind a symlink.
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), "import-path-test-")));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const root = path.join(base, "root");
  const sibling = path.join(base, "root2");
  const outside = path.join(base, "outside");
  for (const dir of [root, path.join(root, "study"), sibling, outside]) mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(root, "study", "a.wav"), "x");
  writeFileSync(path.join(outside, "secret.wav"), "x");
  symlinkSync(path.join(root, "study"), path.join(root, "inside-link"));
  symlinkSync(outside, path.join(root, "escape-dir"));
  symlinkSync(path.join(outside, "secret.wav"), path.join(root, "escape-file.wav"));
  symlinkSync(root, path.join(base, "root-link"));
  const roots = [root];

  it("resolves relative paths against the first root and returns the real path", async () => {
    expect(await resolveImportPath("study", roots)).toBe(path.join(root, "study"));
    expect(await resolveImportPath("./study/../study/a.wav", roots)).toBe(path.join(root, "study", "a.wav"));
    expect(await resolveImportPath("", roots)).toBe(root);
    expect(await resolveImportPath(path.join(root, "study"), [sibling, root])).toBe(path.join(root, "study"));
  });

  it("follows symbolic links that stay inside the roots, and accepts roots that are links", async () => {
    expect(await resolveImportPath("inside-link/a.wav", roots)).toBe(path.join(root, "study", "a.wav"));
    const viaLink = path.join(base, "root-link");
    expect(await resolveImportPath(path.join(viaLink, "study"), [viaLink])).toBe(path.join(root, "study"));
    expect(await resolveImportPath(path.join(root, "study"), [viaLink])).toBe(path.join(root, "study"));
  });

  it.each([
    ["a relative path with .. that leaves the root", "../outside"],
    ["an absolute path outside", path.join(base, "outside", "secret.wav")],
    ["a sibling whose name starts with the root's", path.join(base, "root2")],
    ["a symbolic link to a folder outside", "escape-dir"],
    ["a path through a symbolic link to a folder outside", "escape-dir/secret.wav"],
    ["a symbolic link to a file outside", "escape-file.wav"],
  ])("refuses %s", async (_, requested) => {
    const attempt = resolveImportPath(requested, roots);
    await expect(attempt).rejects.toThrow(ImportPathError);
    await expect(attempt).rejects.toMatchObject({ code: "IMPORT_PATH_OUTSIDE_ROOTS", subject: requested });
  });

  it("refuses outside paths without looking at them, so existence is not revealed", async () => {
    await expect(resolveImportPath("/no/such/place", roots)).rejects.toMatchObject({ code: "IMPORT_PATH_OUTSIDE_ROOTS" });
  });

  it("reports missing paths, NUL characters and missing configuration", async () => {
    await expect(resolveImportPath("study/missing.wav", roots)).rejects.toMatchObject({
      code: "IMPORT_PATH_NOT_FOUND",
      message: "study/missing.wav does not exist",
    });
    await expect(resolveImportPath("study/a.wav/x", roots)).rejects.toMatchObject({ code: "IMPORT_PATH_NOT_FOUND" });
    await expect(resolveImportPath("a\0b", roots)).rejects.toMatchObject({ code: "IMPORT_PATH_INVALID" });
    await expect(resolveImportPath("study", [])).rejects.toMatchObject({
      code: "IMPORT_ROOTS_EMPTY",
      message: expect.stringContaining("no import roots are configured; set IMPORT_ROOTS"),
    });
    await expect(resolveImportPath("study", ["relative/root"])).rejects.toMatchObject({ code: "IMPORT_ROOTS_INVALID" });
    await expect(resolveImportPath("study", [path.join(base, "gone")])).rejects.toMatchObject({ code: "IMPORT_ROOTS_EMPTY" });
  });

  it("treats a folder as inside a root only at a separator", () => {
    expect(isWithinRoots("/tmp/root", ["/tmp/root"])).toBe(true);
    expect(isWithinRoots("/tmp/root/a", ["/tmp/root"])).toBe(true);
    expect(isWithinRoots("/tmp/root2", ["/tmp/root"])).toBe(false);
    expect(isWithinRoots("/tmp/root2/a", ["/tmp/root", "/tmp/other"])).toBe(false);
    expect(isWithinRoots("/anything", ["/"])).toBe(true);
  });
});
