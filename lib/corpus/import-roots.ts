import { realpath } from "node:fs/promises";
import path from "node:path";
import { ImportPathError } from "./import-path-error";

export interface ImportRoots {
  /** The configured roots, normalised; relative requests resolve against the first. */
  configured: string[];
  /** Real paths (symlinks resolved) of the roots that exist; containment is decided against these. */
  real: string[];
}

/**
 * Validates and resolves the configured import roots (IMPORT_ROOTS). A root
 * that does not exist is left out of `real`, since nothing can be inside it;
 * when none exists the import cannot proceed and this says so.
 */
export async function resolveImportRoots(roots: readonly string[]): Promise<ImportRoots> {
  if (roots.length === 0) {
    throw new ImportPathError("IMPORT_ROOTS_EMPTY", "IMPORT_ROOTS", "no import roots are configured; set IMPORT_ROOTS to the folders researchers may import from");
  }
  const configured = roots.map((root) => {
    if (!path.isAbsolute(root)) {
      throw new ImportPathError("IMPORT_ROOTS_INVALID", root, `import root '${root}' is not an absolute path; fix IMPORT_ROOTS`);
    }
    return path.resolve(root);
  });
  const real: string[] = [];
  for (const root of configured) {
    try {
      real.push(await realpath(root));
    } catch (error) {
      if (!(error instanceof Error && "code" in error && (error.code === "ENOENT" || error.code === "ENOTDIR"))) throw error;
    }
  }
  if (real.length === 0) {
    throw new ImportPathError("IMPORT_ROOTS_EMPTY", "IMPORT_ROOTS", `none of the import roots exists (${configured.join(", ")}); fix IMPORT_ROOTS`);
  }
  return { configured, real };
}

/**
 * Whether an absolute, normalised path is one of the roots or below one. The
 * separator is appended before comparing so `/data/root2` is not inside
 * `/data/root`.
 */
export function isWithinRoots(absolutePath: string, roots: readonly string[]): boolean {
  return roots.some((root) => {
    const prefix = root.endsWith(path.sep) ? root : root + path.sep;
    return absolutePath === root || absolutePath.startsWith(prefix);
  });
}
