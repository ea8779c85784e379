"use client";

import { useMemo, useState, type Ref } from "react";
import type { ScatterColoring } from "@/lib/domain/scatter/scatter-coloring";
import type { ProjectionPointsPayload } from "../api-types";
import { ScatterPlot, type ScatterOutline, type ScatterPlotHandle } from "./scatter/scatter-plot";
import type { SelectionTool } from "./scatter/regl-scatter-adapter";
import styles from "./projections.module.css";
import { interleavedCoordinates } from "./point-keys";

export interface PlotSettings {
  pointSize: number;
  opacity: number;
  selectionTool: SelectionTool;
}

/**
 * One projection's scatter with its tooltip. Selection is given and reported
 * as point indices of this projection; the editor maps them to recordings so
 * two projections side by side select the same recordings.
 */
export function ProjectionPlot({
  title,
  points,
  coloring,
  hidden,
  settings,
  selection,
  onSelectionChange,
  onOpenPoint,
  outlines,
  path,
  plotRef,
  testId,
}: {
  title: string;
  points: ProjectionPointsPayload;
  coloring: ScatterColoring;
  hidden: ReadonlySet<number>;
  settings: PlotSettings;
  selection: readonly number[];
  onSelectionChange: (indices: number[]) => void;
  onOpenPoint: (index: number) => void;
  outlines?: readonly ScatterOutline[];
  path?: { indices: readonly number[]; color: string };
  plotRef?: Ref<ScatterPlotHandle>;
  testId: string;
}) {
  const coordinates = useMemo(() => interleavedCoordinates(points), [points]);
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | null>(null);

  return (
    <section className={styles.plot} aria-label={title} data-testid={testId}>
      <h3 className={styles.plotTitle} title={title}>
        {title}
      </h3>
      <div className={styles.plotCanvas}>
        <ScatterPlot
          ref={plotRef}
          coordinates={coordinates}
          coloring={coloring}
          hidden={hidden}
          pointSize={settings.pointSize}
          opacity={settings.opacity}
          selection={selection}
          onSelectionChange={onSelectionChange}
          selectionTool={settings.selectionTool}
          onHover={(index, x, y) => setHover(index === null ? null : { index, x, y })}
          onPointClick={onOpenPoint}
          {...(outlines ? { outlines } : {})}
          {...(path ? { highlightPath: path } : {})}
          ariaLabel={`${title}: ${points.count.toLocaleString()} points. Drag to pan, wheel to zoom, Shift-drag to select, Escape clears the selection.`}
        />
      </div>
      {hover && <PointTooltip points={points} index={hover.index} x={hover.x} y={hover.y} />}
    </section>
  );
}

/** What a point is (recording, region, patient, cohort, session, labels), beside the pointer; also shown by notebook view cells. */
export function PointTooltip({ points, index, x, y }: { points: ProjectionPointsPayload; index: number; x: number; y: number }) {
  const start = points.startSeconds[index];
  const end = points.endSeconds[index];
  const confidence = points.modelConfidence[index];
  const rows: [string, string][] = [
    ["Recording", points.names[index] ?? ""],
    ...(start !== null && start !== undefined && end !== null && end !== undefined ? [["Region", `${start.toFixed(2)}–${end.toFixed(2)} s`] as [string, string]] : []),
    ["Patient", points.patients[index] ?? "—"],
    ["Cohort", points.cohorts[index] ?? "—"],
    ["Session", [points.sessions[index], points.sessionDates[index]].filter(Boolean).join(" · ") || "—"],
    ["Human label", points.humanEmotion[index] ?? "—"],
    ["Predicted", points.modelEmotion[index] ? `${points.modelEmotion[index]}${confidence !== null && confidence !== undefined ? ` (${(confidence * 100).toFixed(0)}%)` : ""}` : "—"],
  ];
  return (
    <div className={styles.tooltip} style={{ left: x + 14, top: y + 14 }} role="tooltip" data-testid="projection-tooltip">
      <dl>
        {rows.map(([term, value]) => (
          <div key={term} style={{ display: "contents" }}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
