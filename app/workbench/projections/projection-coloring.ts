import { CANONICAL_LABELS } from "@/lib/domain/emotion-labels";
import { categoricalColor } from "@/lib/domain/scatter/scatter-colors";
import { categoricalColoringFrom, continuousColoringFrom, type ScatterColoring } from "@/lib/domain/scatter/scatter-coloring";
import type { ProjectionPointsPayload } from "../api-types";
import { EMOTION_COLORS } from "../analysis/emotion-colors";

/**
 * What the projection's points can be coloured by: the fixed fields every
 * point has, a clustering's clusters, and each metadata column of the
 * recordings (numbers on a continuous scale, anything else as categories).
 */
export type ColorField =
  | "cohort"
  | "patient"
  | "human"
  | "predicted"
  | "session"
  | "placed"
  | "cluster"
  | `metadata:${string}`;

export const FIXED_COLOR_FIELDS: readonly { field: ColorField; title: string }[] = [
  { field: "cohort", title: "Cohort" },
  { field: "patient", title: "Patient" },
  { field: "human", title: "Human label" },
  { field: "predicted", title: "Predicted emotion" },
  { field: "session", title: "Session" },
  { field: "placed", title: "Placed later" },
];

export function colorFieldTitle(field: ColorField): string {
  if (field === "cluster") return "Cluster";
  if (field.startsWith("metadata:")) return field.slice("metadata:".length);
  return FIXED_COLOR_FIELDS.find((entry) => entry.field === field)?.title ?? field;
}

const EMOTION_ORDER = Object.fromEntries(CANONICAL_LABELS.map((label) => [label, EMOTION_COLORS[label]]));

/** The colouring of `field`; cluster labels (-1 = noise) come from the chosen clustering. */
export function coloringFor(points: ProjectionPointsPayload, field: ColorField, clusterLabels?: Int32Array): ScatterColoring {
  switch (field) {
    case "cohort":
      return categoricalColoringFrom(points.cohorts);
    case "patient":
      return categoricalColoringFrom(points.patients, { order: "label" });
    case "human":
      return categoricalColoringFrom(points.humanEmotion, { colors: EMOTION_ORDER });
    case "predicted":
      return categoricalColoringFrom(points.modelEmotion, { colors: EMOTION_ORDER });
    case "session":
      return categoricalColoringFrom(
        points.sessions.map((session, index) => (session ? (points.sessionDates[index] ? `${points.sessionDates[index]} ${session}` : session) : null)),
        { order: "label" },
      );
    case "placed":
      return categoricalColoringFrom(points.placed.map((placed) => (placed ? "placed later" : "in the layout")));
    case "cluster": {
      // Each cluster keeps the palette colour of its number, the colour its outline is drawn in.
      const colors: Record<string, string> = { noise: "#b0b0b0" };
      for (const label of clusterLabels ?? []) if (label >= 0) colors[`cluster ${label + 1}`] = categoricalColor(label);
      return categoricalColoringFrom(
        Array.from({ length: points.count }, (_, index) => {
          const label = clusterLabels?.[index];
          return label === undefined ? null : label < 0 ? "noise" : `cluster ${label + 1}`;
        }),
        { order: "label", colors },
      );
    }
    default: {
      const values = points.metadata[field.slice("metadata:".length)] ?? [];
      const numeric = values.some((value) => typeof value === "number") && values.every((value) => value === null || typeof value === "number");
      return numeric
        ? continuousColoringFrom(values as (number | null)[], colorFieldTitle(field))
        : categoricalColoringFrom(values.map((value) => (value === null ? null : String(value))));
    }
  }
}

/** The metadata columns offered in "Colour by". */
export function metadataColorFields(points: ProjectionPointsPayload): ColorField[] {
  return Object.keys(points.metadata).map((key) => `metadata:${key}` as const);
}
