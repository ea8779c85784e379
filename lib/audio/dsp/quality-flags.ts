import type { AudioQuality } from "./quality-meter";

export type QualityFlag = "clipping" | "mostly-silent" | "very-quiet" | "very-short";

/** More than 0.1 % of frames clipped is audible and distorts model features. */
export const CLIPPING_FLAG_RATIO = 0.001;
export const MOSTLY_SILENT_FLAG_RATIO = 0.8;
export const VERY_QUIET_FLAG_DBFS = -45;
/** Shorter than this, the emotion models have too little speech to go on. */
export const VERY_SHORT_FLAG_SECONDS = 1;

/** Flags for the recording list and the import report, in a fixed order. */
export function qualityFlags(quality: AudioQuality): QualityFlag[] {
  const flags: QualityFlag[] = [];
  if (quality.clippingRatio > CLIPPING_FLAG_RATIO) flags.push("clipping");
  if (quality.silenceRatio > MOSTLY_SILENT_FLAG_RATIO) flags.push("mostly-silent");
  if (quality.rmsDbfs < VERY_QUIET_FLAG_DBFS) flags.push("very-quiet");
  if (quality.durationSeconds < VERY_SHORT_FLAG_SECONDS) flags.push("very-short");
  return flags;
}
