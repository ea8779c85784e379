import type { RecordingPermissions } from "@/lib/auth/blinding";

/**
 * What the label keys do in a recording editor, by the researcher's role in
 * the recording's workspace: set final labels (reviewers, admins, the local
 * researcher), save the annotator's own annotation, or nothing (viewers).
 */
export type LabelMode = "final" | "annotation" | "read-only";

/** Until the permissions load, keys act as before: the server still refuses what the role does not allow. */
export function labelModeOf(permissions: RecordingPermissions | undefined): LabelMode {
  if (!permissions || permissions.label) return "final";
  return permissions.annotate ? "annotation" : "read-only";
}

export const ANNOTATION_MODE_REFUSAL =
  "You annotate in this workspace: 1–9 save your own label of the recording or of the selected region. Reviewers draw regions, write notes and set final labels.";
export const READ_ONLY_REFUSAL = "Your role in this workspace lets you look and listen, not label.";

/** Why an edit other than giving a label is not offered in this mode; null in "final" mode. */
export function editRefusal(mode: LabelMode): string | null {
  if (mode === "final") return null;
  return mode === "annotation" ? ANNOTATION_MODE_REFUSAL : READ_ONLY_REFUSAL;
}

/** The sidebar's line saying what the keys do. */
export function labelModeLine(mode: LabelMode, blinded: boolean): string | null {
  if (mode === "final") return null;
  if (mode === "read-only") return READ_ONLY_REFUSAL;
  return `Your keys save your own annotation; a reviewer sets the final label.${blinded ? " Blinded: the model's outputs and others' annotations are hidden." : ""}`;
}
