import type { AttentionReason, AttentionTarget, LabelStatus } from "./label-state";

/**
 * "Next recording that needs attention": a recording needs it while it is not
 * reviewed and either is not fully labelled yet or its label disagrees with
 * the model. Disagreements come first, then the model's least confident
 * results (recordings without one last), then by name. The label repository
 * runs the same rule as SQL over Recording's denormalised columns; this is the
 * reference its tests compare against.
 */

export interface AttentionCandidate {
  recordingId: string;
  /** The recording's file name, the last ordering key. */
  name: string;
  status: LabelStatus;
  humanEmotion: string | null;
  modelEmotion: string | null;
  modelConfidence: number | null;
}

export function disagrees(candidate: AttentionCandidate): boolean {
  return candidate.humanEmotion !== null && candidate.modelEmotion !== null && candidate.humanEmotion !== candidate.modelEmotion;
}

export function needsAttention(candidate: AttentionCandidate): boolean {
  if (candidate.status === "reviewed") return false;
  return candidate.status !== "labelled" || disagrees(candidate);
}

/** Why it is offered: the group it is ordered in. Null when it needs no attention. */
export function attentionReason(candidate: AttentionCandidate): AttentionReason | null {
  if (!needsAttention(candidate)) return null;
  if (disagrees(candidate)) return "disagreement";
  return candidate.modelConfidence === null ? "no-human-label" : "low-confidence";
}

/**
 * Attention order. Names compare by UTF-16 code units, not by locale, so the
 * order matches the SQL's COLLATE "C" whatever the server's locale.
 */
export function compareAttention(a: AttentionCandidate, b: AttentionCandidate): number {
  const group = Number(!disagrees(a)) - Number(!disagrees(b));
  if (group !== 0) return group;
  const confidence = (a.modelConfidence ?? Number.POSITIVE_INFINITY) - (b.modelConfidence ?? Number.POSITIVE_INFINITY);
  if (confidence !== 0 && !Number.isNaN(confidence)) return confidence;
  return compareText(a.name, b.name) || compareText(a.recordingId, b.recordingId);
}

/**
 * The recording to open after `current`: the first one needing attention that
 * comes after it in attention order, wrapping around to the start, never
 * `current` itself. Without `current`, the first one. `current` need not need
 * attention any more (it was just labelled): its place in the order still
 * says where to go on from.
 */
export function nextAttention(candidates: readonly AttentionCandidate[], current?: AttentionCandidate): AttentionTarget | null {
  const waiting = candidates.filter((candidate) => needsAttention(candidate) && candidate.recordingId !== current?.recordingId);
  if (waiting.length === 0) return null;
  waiting.sort(compareAttention);
  const next = (current && waiting.find((candidate) => compareAttention(candidate, current) > 0)) || waiting[0]!;
  return { recordingId: next.recordingId, reason: attentionReason(next)! };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
