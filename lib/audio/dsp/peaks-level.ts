/**
 * Index of the level to draw at `pixelsPerSecond`: the coarsest one that still
 * has at least one min/max pair per pixel (samplesPerPixel ≤ sampleRate /
 * pixelsPerSecond), or the finest level when even that is too coarse.
 * `levels` are samples per pixel in any order.
 */
export function choosePeaksLevel(levels: readonly number[], sampleRate: number, pixelsPerSecond: number): number {
  if (levels.length === 0) throw new RangeError("choosePeaksLevel: no levels to choose from");
  if (!(pixelsPerSecond > 0) || !Number.isFinite(pixelsPerSecond) || !(sampleRate > 0)) {
    throw new RangeError(`choosePeaksLevel: need positive sampleRate and pixelsPerSecond (got ${sampleRate} and ${pixelsPerSecond})`);
  }
  const samplesPerPixel = sampleRate / pixelsPerSecond;
  let best = -1;
  let finest = 0;
  levels.forEach((level, index) => {
    if (level < levels[finest]!) finest = index;
    if (level <= samplesPerPixel && (best < 0 || level > levels[best]!)) best = index;
  });
  return best >= 0 ? best : finest;
}
