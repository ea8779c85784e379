/**
 * regl-scatterplot's camera as a 2D affine map, so overlays (outlines, a
 * patient's path) drawn on a 2D canvas stay on the points while panning and
 * zooming. The library projects a normalised point p as
 * clip = P · V · M · p with P = diag(1/aspect, 1), M = identity (data aspect
 * 1) and V the camera's 4×4 view matrix (column-major); screen pixels are
 * x = W (clip.x + 1) / 2, y = H (1 − clip.y) / 2.
 */

/** [a, b, c, d, e, f] as in CanvasRenderingContext2D.setTransform: x' = a x + c y + e, y' = b x + d y + f. */
export type Affine = readonly [number, number, number, number, number, number];

/** The map from normalised plot coordinates to CSS pixels of a W × H canvas under the camera's view matrix. */
export function normalisedToScreen(view: ArrayLike<number>, width: number, height: number): Affine {
  // W / aspect = H, so both axes scale by H / 2: the [-1, 1] square stays square, centred.
  const half = height / 2;
  return [
    half * view[0]!,
    -half * view[1]!,
    half * view[4]!,
    -half * view[5]!,
    width / 2 + half * view[12]!,
    height / 2 - half * view[13]!,
  ];
}

export function applyAffine(affine: Affine, x: number, y: number): [number, number] {
  return [affine[0] * x + affine[2] * y + affine[4], affine[1] * x + affine[3] * y + affine[5]];
}
