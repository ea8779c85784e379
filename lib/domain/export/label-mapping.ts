import { z } from "zod";
import { CANONICAL_LABELS, type CanonicalLabel } from "../emotion-labels";

/**
 * Which labels an export trains on: the nine emotion2vec+ labels as they are,
 * a subset of them, or a researcher's own mapping onto other names (e.g.
 * valence). Target names become folder names, manifest fields and
 * space-separated label files, hence the narrow character set.
 */

export const TARGET_LABEL_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

const LABEL_LIST = CANONICAL_LABELS.join(", ");

const targetName = z
  .string({ error: "mapping.map targets must be text or null" })
  .regex(TARGET_LABEL_PATTERN, { error: "mapping.map targets must be 1 to 40 letters, digits, '_' or '-' (they become folder names)" });

export const labelMappingSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("canonical") }).strict(),
    z
      .object({
        kind: z.literal("subset"),
        labels: z
          .array(z.enum(CANONICAL_LABELS, { error: `mapping.labels must be among ${LABEL_LIST}` }), { error: "mapping.labels must be a list of labels" })
          .min(2, { error: "mapping.labels must name at least 2 labels (a classifier needs two classes)" })
          .refine((labels) => new Set(labels).size === labels.length, { error: "mapping.labels names a label twice" })
          // Canonical order, so the saved definition and its hash do not depend on click order.
          .transform((labels) => CANONICAL_LABELS.filter((label) => labels.includes(label))),
      })
      .strict(),
    z
      .object({
        kind: z.literal("custom"),
        map: z.partialRecord(z.enum(CANONICAL_LABELS), targetName.nullable(), {
          // zod reports keys outside the enum as unrecognized_keys, an issue its types do not list for records.
          error: (issue) =>
            "keys" in issue && Array.isArray(issue.keys)
              ? `mapping.map has ${issue.keys.join(", ")}, which ${issue.keys.length === 1 ? "is" : "are"} not among ${LABEL_LIST}`
              : "mapping.map must map labels to names or null",
        }),
      })
      .strict()
      .refine((mapping) => new Set(Object.values(mapping.map).filter((target) => target !== null)).size >= 2, {
        error: "mapping.map must map labels onto at least 2 different names (a classifier needs two classes)",
        path: ["map"],
      }),
  ],
  { error: "mapping.kind must be canonical, subset or custom" },
);
export type LabelMapping = z.infer<typeof labelMappingSchema>;

export interface LabelMapper {
  /** The exported name of a canonical label, or null when the mapping drops it (its items are not exported). */
  map(label: CanonicalLabel): string | null;
  /** Every name the export can contain, in canonical order of first appearance (the order of tables and class indices). */
  readonly targetLabels: readonly string[];
}

export function createLabelMapper(mapping: LabelMapping): LabelMapper {
  const table = new Map<CanonicalLabel, string | null>(
    CANONICAL_LABELS.map((label): [CanonicalLabel, string | null] => {
      switch (mapping.kind) {
        case "canonical":
          return [label, label];
        case "subset":
          return [label, mapping.labels.includes(label) ? label : null];
        case "custom":
          return [label, mapping.map[label] ?? null];
      }
    }),
  );
  const targetLabels = Object.freeze([...new Set([...table.values()].filter((target) => target !== null))]);
  return { map: (label) => table.get(label) ?? null, targetLabels };
}

/**
 * A ready-made valence mapping. Surprise is dropped rather than called
 * positive: in speech it is as often alarm as delight, and putting it on
 * either side adds label noise a valence model cannot undo. "other" and
 * "unknown" name no valence and are dropped too. Researchers who see it
 * differently start from this and edit the map.
 */
export const VALENCE_MAPPING: LabelMapping = Object.freeze({
  kind: "custom",
  map: Object.freeze({
    angry: "negative",
    disgusted: "negative",
    fearful: "negative",
    sad: "negative",
    neutral: "neutral",
    happy: "positive",
    surprised: null,
  }),
});
