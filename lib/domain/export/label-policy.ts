import { z } from "zod";
import type { CanonicalLabel } from "../emotion-labels";
import { ExportInputError } from "./export-input-error";
import type { LabelSource } from "./export-item";

/**
 * Where an exported item's label may come from. Every exported item records
 * which source it took (ExportItem.labelSource), so a dataset built with
 * model labels can always be filtered back to human labels.
 */

const minConfidence = z
  .number({ error: "labelPolicy.minConfidence must be a number from 0 to 1" })
  .min(0, { error: "labelPolicy.minConfidence must be at least 0" })
  .max(1, { error: "labelPolicy.minConfidence must be at most 1" });

export const labelPolicySchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("human") }).strict(),
    z.object({ kind: z.literal("human-over-model"), minConfidence: minConfidence.default(0) }).strict(),
    z.object({ kind: z.literal("model"), minConfidence }).strict(),
  ],
  { error: "labelPolicy.kind must be human, human-over-model or model" },
);
export type LabelPolicy = z.infer<typeof labelPolicySchema>;

/** True when the policy can take a label from the model, so the export needs a model. */
export function policyUsesModel(policy: LabelPolicy): boolean {
  return policy.kind !== "human";
}

export interface ItemLabelEvidence {
  /** The item's current human label (already resolved: latest edit wins), or null. */
  readonly human: CanonicalLabel | null;
  /** The model's top label for the item and its score, or null without a result from the export's model. */
  readonly model: { readonly label: CanonicalLabel; readonly confidence: number } | null;
}

export interface ResolvedItemLabel {
  readonly label: CanonicalLabel;
  readonly source: LabelSource;
  /**
   * The model's top score when the label came from the model; null for every
   * human label, even when a model result exists, because the model's score
   * says nothing about how sure the annotator was.
   */
  readonly confidence: number | null;
}

export type LabelSkipReason = "no-human-label" | "no-model-result" | "below-threshold";
export interface SkippedItemLabel {
  readonly skip: LabelSkipReason;
}

/**
 * The label an item is exported with under a policy, or why it is left out.
 * "human" takes human labels only. "human-over-model" takes the human label
 * when there is one, else the model's if its confidence is at least
 * minConfidence (an item with neither is "no-model-result": the fallback had
 * nothing to offer). "model" takes the model's label at or above minConfidence
 * and ignores human labels. Thresholds are inclusive, so 0 admits every result.
 */
export function resolveItemLabel(evidence: ItemLabelEvidence, policy: LabelPolicy): ResolvedItemLabel | SkippedItemLabel {
  const { human, model } = evidence;
  if (model !== null && !(model.confidence >= 0 && model.confidence <= 1)) {
    throw new ExportInputError("EXPORT_INVALID_CONFIDENCE", `model confidence ${model.confidence} for '${model.label}' is outside 0..1`);
  }
  if (policy.kind === "human" || (policy.kind === "human-over-model" && human !== null)) {
    return human === null ? { skip: "no-human-label" } : { label: human, source: "human", confidence: null };
  }
  if (model === null) return { skip: "no-model-result" };
  if (model.confidence < policy.minConfidence) return { skip: "below-threshold" };
  return { label: model.label, source: "model", confidence: model.confidence };
}

export function isSkippedItemLabel(result: ResolvedItemLabel | SkippedItemLabel): result is SkippedItemLabel {
  return "skip" in result;
}
