/**
 * Sizes for the side bar and panel resizers (role="separator"): dragging and
 * the keyboard both go through here, so both respect the same limits.
 */

export interface SizeLimits {
  min: number;
  max: number;
}

/** Which way the sash grows its pane: the side bar grows to the right, the panel grows upwards. */
export type GrowDirection = "right" | "up";

export const KEY_STEP = 10;
export const PAGE_STEP = 100;

export function clampToLimits(value: number, limits: SizeLimits): number {
  return Math.round(Math.min(limits.max, Math.max(limits.min, value)));
}

/** The size after a drag from `start` to `current` pointer coordinates (x for "right", y for "up"). */
export function sizeAfterDrag(startSize: number, start: number, current: number, grow: GrowDirection, limits: SizeLimits): number {
  const delta = grow === "right" ? current - start : start - current;
  return clampToLimits(startSize + delta, limits);
}

/** The size after a key press on the sash, or null when the key does not resize (so the event is left alone). */
export function sizeAfterKey(size: number, key: string, grow: GrowDirection, limits: SizeLimits): number | null {
  const grows = grow === "right" ? "ArrowRight" : "ArrowUp";
  const shrinks = grow === "right" ? "ArrowLeft" : "ArrowDown";
  switch (key) {
    case grows:
      return clampToLimits(size + KEY_STEP, limits);
    case shrinks:
      return clampToLimits(size - KEY_STEP, limits);
    case "PageUp":
      return clampToLimits(size + PAGE_STEP, limits);
    case "PageDown":
      return clampToLimits(size - PAGE_STEP, limits);
    case "Home":
      return limits.min;
    case "End":
      return limits.max;
    default:
      return null;
  }
}
