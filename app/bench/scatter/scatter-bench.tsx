"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { convexHull } from "../../../lib/domain/scatter/convex-hull";
import { type CategoricalColoring, categoricalColoringFrom, pointColorResolver } from "../../../lib/domain/scatter/scatter-coloring";
import { projectionPointsToCsv } from "../../../lib/domain/scatter/scatter-csv";
import { isolateInLegend, legendForCategorical, toggleHidden } from "../../../lib/domain/scatter/scatter-legend-model";
import { scatterToSvg } from "../../../lib/domain/scatter/scatter-svg";
import { createSeededRandom } from "../../../lib/domain/statistics/seeded-random";
import type { SelectionTool } from "../../workbench/projections/scatter/regl-scatter-adapter";
import { ScatterLegend } from "../../workbench/projections/scatter/scatter-legend";
import { type ScatterOutline, ScatterPlot, type ScatterPlotHandle } from "../../workbench/projections/scatter/scatter-plot";

interface Synthetic {
  coordinates: Float32Array;
  coloring: CategoricalColoring;
  cluster: Int32Array;
  /** performance.now() when the data was ready, the start of the first-frame measurement. */
  readyAt: number;
}

const CLUSTERS = 8;

/**
 * The scatter harness: N points in eight seeded Gaussian clusters (about 2 %
 * without a category), coloured by cluster, with the legend filter, both
 * selection tools, outlines, a path, and the three exports. Marks
 * `data-first-frame-ms` on its root once the points are first drawn.
 */
export function ScatterBench({ pointCount, seed }: { pointCount: number; seed: number }) {
  const [data, setData] = useState<Synthetic | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<number>>(new Set());
  const [selection, setSelection] = useState<readonly number[]>([]);
  const [tool, setTool] = useState<SelectionTool>("box");
  const [showOutlines, setShowOutlines] = useState(false);
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<ScatterPlotHandle>(null);
  const firstDrawn = useRef(false);

  // Generated after the first paint, so the measurement starts from data in memory, as after a fetch.
  useEffect(() => {
    setData(generateClusters(pointCount, seed));
  }, [pointCount, seed]);

  const legend = useMemo(() => (data ? legendForCategorical(data.coloring, hidden) : null), [data, hidden]);
  const outlines = useMemo<ScatterOutline[] | undefined>(() => {
    if (!data || !showOutlines) return undefined;
    const members: number[][] = Array.from({ length: CLUSTERS }, () => []);
    data.cluster.forEach((cluster, index) => members[cluster]!.push(index));
    return members.map((indices, cluster) => ({ polygon: convexHull(data.coordinates, indices), color: data.coloring.categories[cluster]?.color ?? "#888888", label: `cluster ${cluster + 1}` }));
  }, [data, showOutlines]);
  const path = useMemo(() => (data && showOutlines ? { indices: [0, 1, 2, 3, 4, 5].map((step) => Math.floor((step * data.cluster.length) / 6)), color: "#d1242f" } : undefined), [data, showOutlines]);

  if (!data || !legend) return <p data-testid="scatter-bench-loading">Generating {pointCount.toLocaleString()} points…</p>;

  const download = (blob: Blob, name: string) => {
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const exportSvg = () => {
    const visible = (index: number) => !hidden.has(data.coloring.codes[index]!);
    const pathPoints = path ? Float32Array.from(path.indices.flatMap((index) => [data.coordinates[2 * index]!, data.coordinates[2 * index + 1]!])) : undefined;
    const svg = scatterToSvg({
      coordinates: data.coordinates,
      color: pointColorResolver(data.coloring),
      visible,
      pointSize: 3,
      opacity: 0.8,
      width: 1000,
      height: 700,
      title: "Synthetic clusters",
      legend,
      outlines,
      path: pathPoints && path ? { points: pathPoints, color: path.color } : undefined,
    });
    download(new Blob([svg], { type: "image/svg+xml" }), "scatter.svg");
  };
  const exportCsv = () => {
    const csv = projectionPointsToCsv({ columns: ["cluster"], coordinates: data.coordinates, rowValues: (index) => [data.coloring.categories[data.coloring.codes[index]!]?.label ?? null], indices: selection.length > 0 ? selection : undefined });
    download(new Blob([csv], { type: "text/csv" }), "scatter.csv");
  };

  return (
    <div ref={rootRef} data-testid="scatter-bench" style={{ display: "flex", flexDirection: "column", height: "100vh", background: "var(--bg)", color: "var(--fg)" }}>
      <div role="toolbar" aria-label="Scatter harness" style={{ display: "flex", gap: 8, padding: 8, alignItems: "center" }}>
        <span>{data.cluster.length.toLocaleString()} points</span>
        <button type="button" aria-pressed={tool === "box"} onClick={() => setTool("box")}>Box</button>
        <button type="button" aria-pressed={tool === "lasso"} onClick={() => setTool("lasso")}>Lasso</button>
        <label>
          <input type="checkbox" checked={showOutlines} onChange={(event) => setShowOutlines(event.target.checked)} /> Outlines and path
        </label>
        <button type="button" onClick={() => plotRef.current?.resetView()}>Reset view</button>
        <button type="button" onClick={() => void plotRef.current?.exportPng().then((blob) => download(blob, "scatter.png"))}>Export PNG</button>
        <button type="button" onClick={exportSvg}>Export SVG</button>
        <button type="button" onClick={exportCsv}>Export CSV</button>
        <span data-testid="scatter-bench-selection">{selection.length.toLocaleString()} selected</span>
      </div>
      <div style={{ flex: 1, minHeight: 0, display: "flex" }}>
        <div style={{ flex: 1, minWidth: 0, position: "relative" }}>
          <ScatterPlot
            ref={plotRef}
            coordinates={data.coordinates}
            coloring={data.coloring}
            hidden={hidden}
            pointSize={3}
            opacity={0.8}
            selection={selection}
            onSelectionChange={setSelection}
            selectionTool={tool}
            onHover={(index, x, y) => setHover(index === null ? null : { index, x, y })}
            outlines={outlines}
            highlightPath={path}
            ariaLabel={`Scatter plot of ${data.cluster.length} synthetic points`}
            onDrawn={({ milliseconds }) => {
              if (firstDrawn.current || !rootRef.current) return;
              firstDrawn.current = true;
              rootRef.current.dataset.firstFrameMs = String(Math.round(performance.now() - data.readyAt));
              rootRef.current.dataset.drawMs = String(Math.round(milliseconds));
            }}
          />
          {hover && (
            <div role="tooltip" style={{ position: "fixed", left: hover.x + 12, top: hover.y + 12, pointerEvents: "none", background: "var(--panel-bg)", border: "1px solid var(--border)", padding: "2px 6px", borderRadius: 4 }}>
              point {hover.index} · {data.coloring.categories[data.coloring.codes[hover.index]!]?.label ?? "(missing)"}
            </div>
          )}
        </div>
        <div style={{ width: 220, padding: 8, borderLeft: "1px solid var(--border)", overflow: "auto" }}>
          <ScatterLegend
            legend={legend}
            title="Cluster"
            onToggle={(code) => setHidden((current) => toggleHidden(current, code))}
            onIsolate={(code) => setHidden(isolateInLegend(legend, code))}
            onShowAll={() => setHidden(new Set())}
          />
        </div>
      </div>
    </div>
  );
}

/** Eight Gaussian clusters of different sizes and spreads around a ring (Box–Muller on the seeded generator). */
function generateClusters(count: number, seed: number): Synthetic {
  const random = createSeededRandom(seed);
  const centres = Array.from({ length: CLUSTERS }, (_, cluster) => {
    const angle = (2 * Math.PI * cluster) / CLUSTERS;
    return { x: 10 * Math.cos(angle) + (random() - 0.5) * 4, y: 6 * Math.sin(angle) + (random() - 0.5) * 4, spread: 0.6 + random() * 1.4, weight: 0.5 + random() };
  });
  const totalWeight = centres.reduce((sum, centre) => sum + centre.weight, 0);
  const coordinates = new Float32Array(count * 2);
  const cluster = new Int32Array(count);
  const labels = new Array<string | null>(count);
  for (let index = 0; index < count; index++) {
    let pick = random() * totalWeight;
    let chosen = 0;
    while (chosen < CLUSTERS - 1 && pick >= centres[chosen]!.weight) pick -= centres[chosen++]!.weight;
    const centre = centres[chosen]!;
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    const angle = 2 * Math.PI * random();
    coordinates[2 * index] = centre.x + centre.spread * radius * Math.cos(angle);
    coordinates[2 * index + 1] = centre.y + centre.spread * radius * Math.sin(angle);
    cluster[index] = chosen;
    labels[index] = random() < 0.02 ? null : `cluster ${chosen + 1}`;
  }
  return { coordinates, coloring: categoricalColoringFrom(labels, { order: "label" }), cluster, readyAt: performance.now() };
}
