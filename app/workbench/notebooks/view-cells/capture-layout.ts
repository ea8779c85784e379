/**
 * Where a view's drawn layers (canvases, inline SVGs) go in its PNG: the
 * picture spans the box around all of them, in the same arrangement as on
 * screen, at the device pixel ratio unless that would pass the browsers'
 * canvas limits.
 */

export interface LayerBox {
  /** CSS pixels, in any one coordinate space (the viewport's). */
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Chromium and Firefox refuse canvases wider or taller than this; Safari's area limit is about 16.7 M pixels. */
export const MAX_CAPTURE_SIDE = 16_384;
export const MAX_CAPTURE_AREA = 16_777_216;

/** The box around every layer with an area, or null when none has (nothing drawn yet, or all hidden). */
export function captureFrame(boxes: readonly LayerBox[]): LayerBox | null {
  const drawn = boxes.filter((box) => box.width > 0 && box.height > 0 && [box.left, box.top, box.width, box.height].every(Number.isFinite));
  if (drawn.length === 0) return null;
  const left = Math.min(...drawn.map((box) => box.left));
  const top = Math.min(...drawn.map((box) => box.top));
  const right = Math.max(...drawn.map((box) => box.left + box.width));
  const bottom = Math.max(...drawn.map((box) => box.top + box.height));
  return { left, top, width: right - left, height: bottom - top };
}

/** Output pixels per CSS pixel: the device pixel ratio, lowered so the picture stays within the canvas limits. */
export function captureScale(frame: Pick<LayerBox, "width" | "height">, pixelRatio: number): number {
  const wanted = Number.isFinite(pixelRatio) && pixelRatio > 0 ? pixelRatio : 1;
  const bySide = Math.min(MAX_CAPTURE_SIDE / frame.width, MAX_CAPTURE_SIDE / frame.height);
  const byArea = Math.sqrt(MAX_CAPTURE_AREA / (frame.width * frame.height));
  return Math.min(wanted, bySide, byArea);
}

/** A layer's place in the picture, in CSS pixels from the frame's top left. */
export function placeInFrame(box: LayerBox, frame: LayerBox): LayerBox {
  return { left: box.left - frame.left, top: box.top - frame.top, width: box.width, height: box.height };
}
