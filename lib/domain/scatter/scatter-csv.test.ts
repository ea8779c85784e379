import { describe, expect, it } from "vitest";
import { projectionPointsToCsv, shortestFloat32 } from "./scatter-csv";

describe("projectionPointsToCsv", () => {
  const coordinates = Float32Array.from([0.1, -2.5, 3, 4]);
  const metadata = [
    ["rec-1", "=cmd", 0.9],
    ["rec-2", "P, 2", null],
  ] as const;

  it("writes x, y and each point's metadata, formula-safe and quoted", () => {
    expect(projectionPointsToCsv({ columns: ["recording", "patient", "score"], coordinates, rowValues: (index) => metadata[index]! })).toBe(
      "x,y,recording,patient,score\r\n0.1,-2.5,rec-1,'=cmd,0.9\r\n3,4,rec-2,\"P, 2\",\r\n",
    );
  });

  it("writes only the given points, in their order, under custom coordinate headers", () => {
    const csv = projectionPointsToCsv({ columns: ["recording"], coordinates, rowValues: (index) => [metadata[index]![0]], indices: [1], coordinateColumns: ["umap_1", "umap_2"] });
    expect(csv).toBe("umap_1,umap_2,recording\r\n3,4,rec-2\r\n");
  });
});

describe("shortestFloat32", () => {
  it("writes the shortest decimal that reads back as the same float32", () => {
    expect(shortestFloat32(Math.fround(0.1))).toBe(0.1);
    expect(shortestFloat32(Math.fround(-12.345678))).toBe(-12.345678);
    expect(shortestFloat32(Math.fround(Math.PI))).toBe(3.1415927);
  });
});
