/**
 * SVG path data for one class's curve from the curves route's row-major
 * buckets × classes values: one point per bucket at its centre, x across
 * `width`, y = 0 at the top for a score of 1. A null bucket (no frame there)
 * breaks the line rather than bridging the gap. Coordinates carry one
 * decimal: finer than a pixel, and an hour's path stays a few tens of KB.
 */
export function curvePath(values: readonly (number | null)[], classIndex: number, classes: number, size: { width: number; height: number }): string {
  const buckets = Math.floor(values.length / classes);
  if (buckets === 0) return "";
  const step = size.width / buckets;
  let path = "";
  let drawing = false;
  for (let bucket = 0; bucket < buckets; bucket++) {
    const value = values[bucket * classes + classIndex];
    if (value === null || value === undefined || !Number.isFinite(value)) {
      drawing = false;
      continue;
    }
    const x = round((bucket + 0.5) * step);
    const y = round(size.height * (1 - Math.min(1, Math.max(0, value))));
    path += `${path ? " " : ""}${drawing ? "L" : "M"}${x} ${y}`;
    drawing = true;
  }
  return path;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
