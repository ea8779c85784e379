import type { CanonicalLabel } from "@/lib/domain/emotion-labels";

/** One colour per canonical label, the same in the score bars, curves and legend; distinct on light and dark backgrounds. */
export const EMOTION_COLORS: Readonly<Record<CanonicalLabel, string>> = {
  angry: "#d62728",
  disgusted: "#8c564b",
  fearful: "#9467bd",
  happy: "#ff9f1c",
  neutral: "#7f7f7f",
  other: "#17becf",
  sad: "#1f77b4",
  surprised: "#e377c2",
  unknown: "#bcbd22",
};
