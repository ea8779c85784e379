import path from "node:path";
import { isUuid } from "../http/search-params";

/**
 * Where a finished export lives under DATA_DIR: its files in
 * `exports/<id>/`, and the same snapshot as one stored (uncompressed),
 * deterministic archive `exports/<id>.zip` beside that folder, which the pull
 * API serves.
 */
export const EXPORTS_FOLDER = "exports";

export function exportsRoot(dataDir: string): string {
  return path.join(dataDir, EXPORTS_FOLDER);
}

export function exportFolder(dataDir: string, exportId: string): string {
  return path.join(exportsRoot(dataDir), checkedId(exportId));
}

export function exportArchivePath(dataDir: string, exportId: string): string {
  return path.join(exportsRoot(dataDir), `${checkedId(exportId)}.zip`);
}

// Export ids are database UUIDs; anything else reaching a path is a bug, and
// refusing it keeps "../" and separators out of the file system.
function checkedId(exportId: string): string {
  if (!isUuid(exportId)) throw new Error(`export id ${JSON.stringify(exportId)} is not a UUID`);
  return exportId.toLowerCase();
}
