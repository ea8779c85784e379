import { ExportInputError } from "./export-input-error";
import type { ExportSplit } from "./export-item";

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const SAFE_ID = /^[A-Za-z0-9_-]{1,200}$/;

/**
 * An export item's id: the recording's UUID without dashes, plus "_" and the
 * region's for a region clip (65 characters). Built from the ids alone, never
 * from row order, so the same item keeps its file name across reruns, and
 * taken whole so two items can never collide. Lower case, because UUIDs are
 * case-insensitive and file systems may not be.
 */
export function exportItemId(recordingId: string, regionId: string | null): string {
  const recording = compactUuid(recordingId, "recording");
  return regionId === null ? recording : `${recording}_${compactUuid(regionId, "region")}`;
}

export const CLIP_LAYOUTS = ["audiofolder", "flat"] as const;
export type ClipLayout = (typeof CLIP_LAYOUTS)[number];

/**
 * Where an item's 16 kHz WAV clip lies in the export, relative, with forward
 * slashes: "audio/<split>/<id>.wav" in split folders (the layout Hugging Face
 * audiofolder reads splits from), or "audio/<id>.wav" in one folder.
 */
export function clipPath(split: ExportSplit, id: string, layout: ClipLayout): string {
  if (!SAFE_ID.test(id)) throw new ExportInputError("EXPORT_INVALID_ID", `export item id '${id}' cannot be a file name (letters, digits, '_' and '-' only)`);
  return layout === "audiofolder" ? `audio/${split}/${id}.wav` : `audio/${id}.wav`;
}

function compactUuid(id: string, what: string): string {
  if (!UUID.test(id)) throw new ExportInputError("EXPORT_INVALID_ID", `${what} id '${id}' is not a UUID`);
  return id.replaceAll("-", "").toLowerCase();
}
