import { describe, expect, it } from "vitest";
import { createSeededRandom } from "../statistics/seeded-random";
import { categoricalColoringFrom, pointColorResolver } from "./scatter-coloring";
import { legendForCategorical, legendForContinuous } from "./scatter-legend-model";
import { continuousColoringFrom } from "./scatter-coloring";
import { scatterToSvg } from "./scatter-svg";

const base = { pointSize: 4, opacity: 0.8, width: 800, height: 600 };

function pointsIn(svg: string): number {
  return svg.match(/h0/g)?.length ?? 0;
}

describe("scatterToSvg", () => {
  it("draws each visible point once, one path per colour", () => {
    const coordinates = Float32Array.from([0, 0, 1, 1, 2, 0, 3, 1]);
    const svg = scatterToSvg({ ...base, coordinates, color: ["#ff0000", "#00ff00", "#ff0000", "#00ff00"], visible: Uint8Array.from([1, 1, 1, 0]) });
    expect(svg.startsWith("<?xml")).toBe(true);
    expect(svg).toContain('width="800" height="600"');
    expect(pointsIn(svg)).toBe(3);
    expect(svg.match(/<path stroke="#ff0000" d="(M[\d.]+ [\d.]+h0){2}"\/>/)).not.toBeNull();
    expect(svg.match(/<path stroke="#00ff00" d="(M[\d.]+ [\d.]+h0){1}"\/>/)).not.toBeNull();
    expect(svg).toContain('stroke-width="4" stroke-opacity="0.8"');
  });

  it("keeps the data's aspect ratio and flips y so up is up", () => {
    const coordinates = Float32Array.from([0, 0, 10, 10]);
    const svg = scatterToSvg({ ...base, width: 400, height: 200, coordinates, color: () => "#000000" });
    const [first, second] = [...svg.matchAll(/M([\d.]+) ([\d.]+)h0/g)].map((match) => [Number(match[1]), Number(match[2])]);
    // Equal spans in x and y cover equal distances on the page; the higher y is drawn higher up.
    expect(Math.abs(second![0]! - first![0]!)).toBeCloseTo(Math.abs(second![1]! - first![1]!), 0);
    expect(second![1]!).toBeLessThan(first![1]!);
  });

  it("escapes the title and legend labels and leaves hidden legend entries out", () => {
    const coloring = categoricalColoringFrom(["<b>&", "kept", "gone"]);
    const svg = scatterToSvg({
      ...base,
      coordinates: Float32Array.from([0, 0, 1, 1, 2, 2]),
      color: pointColorResolver(coloring),
      title: 'Cohort "A" & <B>',
      legend: legendForCategorical(coloring, new Set([coloring.categories.findIndex((category) => category.label === "gone")])),
    });
    expect(svg).toContain("Cohort \"A\" &amp; &lt;B&gt;");
    expect(svg).toContain("&lt;b&gt;&amp;");
    expect(svg).toContain(">kept<");
    expect(svg).not.toContain(">gone<");
    expect(svg).not.toMatch(/<b>/);
  });

  it("draws outlines as polygons with labels and a path with arrowheads", () => {
    const svg = scatterToSvg({
      ...base,
      coordinates: Float32Array.from([0, 0, 4, 4]),
      color: () => "#333333",
      outlines: [{ polygon: Float32Array.from([0, 0, 4, 0, 4, 4]), color: "#aa0000", label: "cluster 1" }],
      path: { points: Float32Array.from([0, 0, 2, 2, 4, 4]), color: "#0000aa" },
    });
    expect(svg.match(/<polygon points="([\d.]+,[\d.]+ ?){3}"/)).not.toBeNull();
    expect(svg).toContain(">cluster 1</text>");
    expect(svg).toMatch(/<polyline points="([\d.]+,[\d.]+ ?){3}"[^>]*marker-end="url\(#arrow\)"/);
  });

  it("shows a continuous legend with its ticks", () => {
    const coloring = continuousColoringFrom([0, 0.5, 1], "arousal");
    const svg = scatterToSvg({ ...base, coordinates: Float32Array.from([0, 0, 1, 1, 2, 2]), color: pointColorResolver(coloring), legend: legendForContinuous(coloring) });
    expect(svg).toContain("<linearGradient");
    expect(svg).toContain(">arousal</text>");
    expect(svg).toContain(">0.6</text>");
  });

  it("leaves out points outside explicit bounds", () => {
    const svg = scatterToSvg({ ...base, coordinates: Float32Array.from([0, 0, 1, 1, 50, 50]), color: () => "#000000", bounds: { minX: 0, minY: 0, maxX: 1, maxY: 1 } });
    expect(pointsIn(svg)).toBe(2);
  });

  it("stays compact at 100,000 points", () => {
    const random = createSeededRandom(3);
    const count = 100_000;
    const coordinates = new Float32Array(count * 2);
    for (let index = 0; index < coordinates.length; index++) coordinates[index] = random() * 100;
    const palette = ["#111111", "#222222", "#333333", "#444444", "#555555"];
    const svg = scatterToSvg({ ...base, coordinates, color: (index) => palette[index % palette.length]! });
    expect(pointsIn(svg)).toBe(count);
    expect(svg.match(/<path stroke=/g)).toHaveLength(palette.length);
    expect(svg.length / count).toBeLessThan(16);
  });
});
