import type { RegionView } from "@/lib/domain/label-state";
import { EMOTION_COLORS } from "../analysis/emotion-colors";

/**
 * How a region looks on the waveform: filled in its label's colour (the same
 * colours as the score bars and curves), fainter when the label came from a
 * model than when a person set it, stronger while selected, and with its
 * label written on it so a long session reads without opening the list.
 */
export interface RegionAppearance {
  /** CSS colour with alpha, for the Regions plugin's `color`. */
  color: string;
  /** Text drawn on the region. */
  text: string;
  /** Tooltip with the full description. */
  title: string;
}

const UNLABELLED_RGB = "128, 128, 128";

export function regionAppearance(region: RegionView, selected: boolean): RegionAppearance {
  const label = region.label;
  const emotion = label?.emotion ?? null;
  const rgb = emotion ? hexToRgb(EMOTION_COLORS[emotion]) : UNLABELLED_RGB;
  const base = emotion === null ? 0.12 : label?.source === "model" ? 0.18 : 0.3;
  const alpha = selected ? base + 0.15 : base;
  const confidence = label?.source === "model" && label.confidence !== null ? ` ${Math.round(label.confidence * 100)}%` : "";
  const note = region.note.trim() !== "" ? " ✎" : "";
  const text = emotion === null ? `–${note}` : `${emotion}${confidence}${note}`;
  const who = label === null ? "no label" : emotion === null ? "label cleared" : label.source === "model" ? `model label${confidence}` : "human label";
  const title = `${formatRange(region)} · ${emotion ?? "unlabelled"} (${who})${region.note.trim() ? ` · ${region.note.trim()}` : ""}`;
  return { color: `rgba(${rgb}, ${alpha.toFixed(2)})`, text, title };
}

/** "#d62728" → "214, 39, 40". */
export function hexToRgb(hex: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return UNLABELLED_RGB;
  return [match[1], match[2], match[3]].map((part) => parseInt(part!, 16)).join(", ");
}

function formatRange(region: RegionView): string {
  return `${region.startSeconds.toFixed(2)}–${region.endSeconds.toFixed(2)} s`;
}
