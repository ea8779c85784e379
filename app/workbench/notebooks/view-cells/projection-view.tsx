"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { legendForCategorical, legendForContinuous, isolateInLegend, toggleHidden } from "@/lib/domain/scatter/scatter-legend-model";
import type { NotebookViewSpec } from "@/lib/domain/notebook/notebook-cell";
import { coloringFor } from "../../projections/projection-coloring";
import { PointTooltip } from "../../projections/projection-plot";
import { projectionPointsQuery, type ProjectionPoints } from "../../projections/projection-queries";
import { ScatterLegend } from "../../projections/scatter/scatter-legend";
import { ScatterPlot } from "../../projections/scatter/scatter-plot";
import { ViewCellFrame, ViewCellMessage } from "./view-cell-frame";
import { failureOf, viewErrorMessage, viewHeading } from "./view-cell-text";
import styles from "./view-cells.module.css";
import { interleavedCoordinates } from "../../projections/point-keys";

type ProjectionViewSpec = Extract<NotebookViewSpec, { kind: "projection" }>;

const NO_SELECTION: readonly number[] = [];

/**
 * A projection's stored points coloured by predicted emotion, with the
 * legend (which can hide classes) and pan and zoom; no selection, clusters
 * or exports: those stay in the projection editor.
 */
export function ProjectionView({ view, onOpen }: { view: ProjectionViewSpec; onOpen?: () => void }) {
  const query = useQuery(projectionPointsQuery(view.projectionId));
  const points = query.data;
  const heading = viewHeading(view, points ? { projection: points.projection.name } : {});
  const [drawn, setDrawn] = useState(false);

  if (query.isError) {
    return (
      <ViewCellFrame kind="projection" heading={heading} state="error" onOpen={onOpen}>
        <ViewCellMessage kind="alert">{viewErrorMessage(view, failureOf(query.error))}</ViewCellMessage>
      </ViewCellFrame>
    );
  }
  if (!points) {
    return (
      <ViewCellFrame kind="projection" heading={heading} state="loading" onOpen={onOpen}>
        <ViewCellMessage kind="status">Loading the projection…</ViewCellMessage>
      </ViewCellFrame>
    );
  }
  const { projection } = points;
  if (projection.status === "queued" || projection.status === "running") {
    return (
      <ViewCellFrame kind="projection" heading={heading} state="loading" onOpen={onOpen}>
        <ViewCellMessage kind="status">The projection is still being computed; its points appear here when it finishes.</ViewCellMessage>
      </ViewCellFrame>
    );
  }
  if (projection.status !== "succeeded") {
    return (
      <ViewCellFrame kind="projection" heading={heading} state="error" onOpen={onOpen}>
        <ViewCellMessage kind="alert">
          Projection {projection.name} {projection.status === "failed" ? "failed" : "was cancelled"}
          {projection.error ? `: ${projection.error}` : "."}
        </ViewCellMessage>
      </ViewCellFrame>
    );
  }
  if (points.count === 0) {
    return (
      <ViewCellFrame kind="projection" heading={heading} state="ready" onOpen={onOpen}>
        <ViewCellMessage kind="status">Projection {projection.name} has no points.</ViewCellMessage>
      </ViewCellFrame>
    );
  }
  return (
    <ViewCellFrame kind="projection" heading={heading} state={drawn ? "ready" : "loading"} onOpen={onOpen}>
      <ProjectionScatter points={points} onDrawn={() => setDrawn(true)} />
    </ViewCellFrame>
  );
}

function ProjectionScatter({ points, onDrawn }: { points: ProjectionPoints; onDrawn: () => void }) {
  const coloring = useMemo(() => coloringFor(points, "predicted"), [points]);
  const [hidden, setHidden] = useState<ReadonlySet<number>>(new Set());
  const legend = useMemo(() => (coloring.kind === "categorical" ? legendForCategorical(coloring, hidden) : legendForContinuous(coloring, { hidden })), [coloring, hidden]);
  const coordinates = useMemo(() => interleavedCoordinates(points), [points]);
  // The plot always allows Shift-drag and click selection; a fresh empty selection makes it drop whatever was picked.
  const [selection, setSelection] = useState(NO_SELECTION);
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | null>(null);
  const name = points.projection.name;

  return (
    <div className={styles.projection}>
      <div className={styles.plot} data-testid="view-projection-plot">
        <ScatterPlot
          coordinates={coordinates}
          coloring={coloring}
          hidden={hidden}
          pointSize={4}
          opacity={0.8}
          selection={selection}
          onSelectionChange={(indices) => {
            if (indices.length > 0) setSelection([]);
          }}
          selectionTool="box"
          onHover={(index, x, y) => setHover(index === null ? null : { index, x, y })}
          onDrawn={onDrawn}
          ariaLabel={`${name}: ${points.count.toLocaleString()} points coloured by predicted emotion. Drag to pan, wheel to zoom.`}
        />
      </div>
      <div className={styles.projectionLegend}>
        <ScatterLegend
          legend={legend}
          title="Predicted emotion"
          onToggle={(code) => setHidden(toggleHidden(hidden, code))}
          onIsolate={(code) => legend.kind === "categorical" && setHidden(isolateInLegend(legend, code))}
          onShowAll={() => setHidden(new Set())}
        />
      </div>
      {hover && <PointTooltip points={points} index={hover.index} x={hover.x} y={hover.y} />}
    </div>
  );
}
