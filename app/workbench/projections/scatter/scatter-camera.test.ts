import { describe, expect, it } from "vitest";
import { applyAffine, normalisedToScreen } from "./scatter-camera";

const IDENTITY = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

describe("normalisedToScreen", () => {
  it("centres the [-1, 1] square in a wide canvas, y up", () => {
    const affine = normalisedToScreen(IDENTITY, 800, 400);
    expect(applyAffine(affine, 0, 0)).toEqual([400, 200]);
    expect(applyAffine(affine, 1, 1)).toEqual([600, 0]);
    expect(applyAffine(affine, -1, -1)).toEqual([200, 400]);
  });

  it("follows the camera's zoom and pan", () => {
    // Zoomed in 2× (camera distance 0.5) and panned so normalised (0.5, 0) is at the centre.
    const view = [...IDENTITY];
    view[0] = 2;
    view[5] = 2;
    view[12] = -1;
    const affine = normalisedToScreen(view, 400, 400);
    expect(applyAffine(affine, 0.5, 0)).toEqual([200, 200]);
    expect(applyAffine(affine, 0.5, 0.25)).toEqual([200, 100]);
  });
});
