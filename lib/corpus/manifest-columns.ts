import type { ManifestColumnRole } from "./manifest-types";

/** Trim, lower-case, and turn runs of spaces, dashes and dots into one underscore: "Patient ID" → "patient_id". */
export function normalizeColumnName(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** Accepted names per role, already normalised. Exported so UI help and error messages list the same names. */
export const MANIFEST_COLUMN_ALIASES: Readonly<Record<Exclude<ManifestColumnRole, "metadata">, readonly string[]>> = {
  path: ["path", "file", "filename", "file_name", "audio", "audio_path", "recording"],
  patient: ["patient", "patient_id", "speaker", "speaker_id", "subject", "subject_id", "participant"],
  cohorts: ["cohort", "cohorts", "group"],
  session: ["session", "session_id", "visit"],
  session_date: ["session_date", "date", "recorded_on", "visit_date"],
  channel_mode: ["channel_mode"],
  channel_roles: ["channel_roles"],
};

const ROLE_BY_NAME = new Map<string, ManifestColumnRole>(
  Object.entries(MANIFEST_COLUMN_ALIASES).flatMap(([role, names]) =>
    names.map((name) => [name, role as ManifestColumnRole] as const),
  ),
);

export function columnRole(normalizedName: string): ManifestColumnRole {
  return ROLE_BY_NAME.get(normalizedName) ?? "metadata";
}

/** Splits a list cell ("a; b|c") into trimmed, non-empty, distinct items. */
export function splitListCell(value: string): string[] {
  const items = value
    .split(/[;|]/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
  return [...new Set(items)];
}
