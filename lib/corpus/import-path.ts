import { realpath } from "node:fs/promises";
import path from "node:path";
import { ImportPathError } from "./import-path-error";
import { isWithinRoots, resolveImportRoots } from "./import-roots";

/**
 * Turns a path a researcher asked to import into the real absolute path, or
 * refuses it. Relative paths resolve against the first root. A path that is
 * outside the roots as written is refused before the file system is touched,
 * so the answer never reveals what exists elsewhere; after resolving symbolic
 * links the real path must still be inside a root's real path.
 */
export async function resolveImportPath(requested: string, roots: readonly string[]): Promise<string> {
  const { configured, real } = await resolveImportRoots(roots);
  if (requested.includes("\0")) {
    throw new ImportPathError("IMPORT_PATH_INVALID", requested, "the requested import path contains a NUL character");
  }
  const firstRoot = configured[0] ?? "";
  const absolute = path.isAbsolute(requested) ? path.resolve(requested) : path.resolve(firstRoot, requested);
  const outside = (how: string) =>
    new ImportPathError(
      "IMPORT_PATH_OUTSIDE_ROOTS",
      requested,
      `${requested} ${how} outside the import roots (${configured.join(", ")}); only folders under IMPORT_ROOTS can be imported`,
    );
  // Configured roots may themselves be symlinks, so a path written via either spelling is acceptable here.
  if (!isWithinRoots(absolute, [...configured, ...real])) throw outside("is");

  let resolved: string;
  try {
    resolved = await realpath(absolute);
  } catch (error) {
    throw pathError(error, requested);
  }
  if (!isWithinRoots(resolved, real)) throw outside("leads through a symbolic link to a place");
  return resolved;
}

/** Maps a failed realpath/stat/readdir to the researcher-facing error; rethrows what is not about the path. */
export function pathError(error: unknown, subject: string): ImportPathError {
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return new ImportPathError("IMPORT_PATH_NOT_FOUND", subject, `${subject} does not exist`, { cause: error });
    case "ELOOP":
      return new ImportPathError("IMPORT_PATH_NOT_FOUND", subject, `${subject} is a symbolic link that loops back on itself`, { cause: error });
    case "EACCES":
    case "EPERM":
      return new ImportPathError("IMPORT_PATH_UNREADABLE", subject, `${subject} cannot be read by the server (permission denied)`, { cause: error });
    default:
      throw error;
  }
}
