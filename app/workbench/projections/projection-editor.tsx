"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { legendForCategorical, legendForContinuous, toggleHidden, isolateInLegend } from "@/lib/domain/scatter/scatter-legend-model";
import { pointColorResolver } from "@/lib/domain/scatter/scatter-coloring";
import { projectionPointsToCsv } from "@/lib/domain/scatter/scatter-csv";
import { scatterToSvg } from "@/lib/domain/scatter/scatter-svg";
import { downloadBlob, downloadCsv, downloadText, fileNameOf } from "../download-file";
import { jobQuery } from "../jobs/job-queries";
import { jobProgressText } from "../jobs/job-row";
import { useWorkbenchNavigation } from "../shell/workbench-navigation";
import { ClusterPanel, type ClusterView } from "./cluster-panel";
import { type ColorField, coloringFor, colorFieldTitle, FIXED_COLOR_FIELDS, metadataColorFields } from "./projection-coloring";
import { type PlotSettings, ProjectionPlot } from "./projection-plot";
import { postJson, projectionKeys, projectionListQuery, projectionPointsQuery, type ProjectionPoints } from "./projection-queries";
import styles from "./projections.module.css";
import { indicesOfKeys, keysOfIndices } from "./point-keys";
import { ScatterLegend } from "./scatter/scatter-legend";
import type { ScatterPlotHandle } from "./scatter/scatter-plot";
import { SelectionPanel } from "./selection-panel";
import { patientPathIndices, patientsInProjection } from "./selection-analysis";

const CSV_COLUMNS = ["recording_id", "region_id", "start_seconds", "end_seconds", "recording", "patient", "cohorts", "session", "session_date", "human_label", "predicted", "confidence", "placed"];

/**
 * A projection in an editor tab: the scatter (and optionally a second
 * projection beside it with linked selection), colouring and legend filter,
 * selection and its actions, clusters, a patient's path, and exports. While
 * the job runs it shows the job's progress; points without an embedding are
 * counted and can be analysed.
 */
export function ProjectionEditor({ projectionId }: { projectionId: string }) {
  const navigation = useWorkbenchNavigation();
  const queryClient = useQueryClient();
  const main = useQuery(projectionPointsQuery(projectionId));
  const list = useQuery(projectionListQuery());
  const [compareId, setCompareId] = useState<string>("");
  const other = useQuery({ ...projectionPointsQuery(compareId || projectionId), enabled: Boolean(compareId) });
  const [colorBy, setColorBy] = useState<ColorField>("cohort");
  const [hidden, setHidden] = useState<ReadonlySet<number>>(new Set());
  const [settings, setSettings] = useState<PlotSettings>({ pointSize: 4, opacity: 0.8, selectionTool: "lasso" });
  const [selectedKeys, setSelectedKeys] = useState<ReadonlySet<string>>(new Set());
  const [cluster, setCluster] = useState<ClusterView | null>(null);
  const [pathPatient, setPathPatient] = useState("");
  const plotRef = useRef<ScatterPlotHandle>(null);

  const points = main.data;
  const ready = points && points.projection.status === "succeeded" && points.count > 0;
  const clusterLabels = cluster && points && cluster.labels.length === points.count ? cluster.labels : undefined;
  const coloring = useMemo(() => (points ? coloringFor(points, colorBy, clusterLabels) : null), [points, colorBy, clusterLabels]);
  const legend = useMemo(
    () => (coloring ? (coloring.kind === "categorical" ? legendForCategorical(coloring, hidden) : legendForContinuous(coloring, { hidden })) : null),
    [coloring, hidden],
  );
  const selection = useMemo(() => (points ? indicesOfKeys(points, selectedKeys) : []), [points, selectedKeys]);
  const otherPoints = compareId && other.data?.projection.status === "succeeded" ? other.data : null;
  const otherColoring = useMemo(() => (otherPoints ? coloringFor(otherPoints, colorBy === "cluster" ? "cohort" : colorBy) : null), [otherPoints, colorBy]);
  const otherSelection = useMemo(() => (otherPoints ? indicesOfKeys(otherPoints, selectedKeys) : []), [otherPoints, selectedKeys]);
  const patients = useMemo(() => (points ? patientsInProjection(points) : []), [points]);
  const path = useMemo(() => (points && pathPatient ? { indices: patientPathIndices(points, pathPatient), color: "#e4572e" } : undefined), [points, pathPatient]);

  const analyseMissing = useMutation({ mutationFn: () => postJson<{ missing: number; recordings?: number }>(`/api/projections/${projectionId}/analyse-missing`, {}) });
  const placeNew = useMutation({
    mutationFn: () => postJson<{ job: { id: string } }>(`/api/projections/${projectionId}/place`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectionKeys.points(projectionId) }),
  });

  if (main.isPending) return <p className={styles.status}>Loading the projection…</p>;
  if (main.isError) return <p className={`${styles.status} form-error`}>{main.error.message}</p>;
  const projection = main.data.projection;
  const title = projection.name;

  const openPoint = (source: ProjectionPoints, index: number) => {
    const start = source.startSeconds[index];
    navigation.openRecording(source.recordingIds[index]!, source.names[index] ?? "Recording", start === null || start === undefined ? {} : { atSeconds: start });
  };

  const exportSvg = () => {
    if (!points || !coloring || !legend) return;
    const color = pointColorResolver(coloring);
    const coordinates = Float32Array.from({ length: points.count * 2 }, (_, i) => (i % 2 === 0 ? points.x[i >> 1]! : points.y[i >> 1]!));
    const svg = scatterToSvg({
      coordinates,
      color,
      visible: (index) => !hidden.has(coloring.kind === "categorical" ? coloring.codes[index]! : Number.isNaN(coloring.values[index]!) ? -1 : 0),
      pointSize: settings.pointSize,
      opacity: settings.opacity,
      width: 1200,
      height: 900,
      title: `${title} — coloured by ${colorFieldTitle(colorBy).toLowerCase()}`,
      legend,
      ...(cluster?.outlines.length ? { outlines: cluster.outlines } : {}),
    });
    downloadText(`${fileNameOf(title)}.svg`, svg, "image/svg+xml");
  };

  const exportCsv = (only?: readonly number[]) => {
    if (!points) return;
    const coordinates = Float32Array.from({ length: points.count * 2 }, (_, i) => (i % 2 === 0 ? points.x[i >> 1]! : points.y[i >> 1]!));
    const metadataKeys = Object.keys(points.metadata);
    const csv = projectionPointsToCsv({
      columns: [...CSV_COLUMNS, ...(clusterLabels ? ["cluster"] : []), ...metadataKeys.map((key) => `meta_${key}`)],
      coordinates,
      ...(only ? { indices: only } : {}),
      rowValues: (index) => [
        points.recordingIds[index],
        points.regionIds[index],
        points.startSeconds[index],
        points.endSeconds[index],
        points.names[index],
        points.patients[index],
        points.cohorts[index],
        points.sessions[index],
        points.sessionDates[index],
        points.humanEmotion[index],
        points.modelEmotion[index],
        points.modelConfidence[index],
        points.placed[index],
        ...(clusterLabels ? [clusterLabels[index]! < 0 ? "noise" : clusterLabels[index]! + 1] : []),
        ...metadataKeys.map((key) => points.metadata[key]![index]),
      ],
    });
    downloadCsv(`${fileNameOf(title)}${only ? "-selection" : ""}.csv`, csv);
  };

  return (
    <div className={styles.editor} data-testid="projection-editor" data-projection-id={projectionId} data-status={projection.status} data-points={points?.count ?? 0}>
      <div className={styles.toolbar} role="toolbar" aria-label="Projection">
        <label>
          Colour by
          <select value={colorBy} onChange={(event) => { setColorBy(event.target.value as ColorField); setHidden(new Set()); }} data-testid="projection-color-by">
            {FIXED_COLOR_FIELDS.map((entry) => (
              <option key={entry.field} value={entry.field}>
                {entry.title}
              </option>
            ))}
            {cluster && <option value="cluster">Cluster</option>}
            {points &&
              metadataColorFields(points).map((field) => (
                <option key={field} value={field}>
                  {colorFieldTitle(field)}
                </option>
              ))}
          </select>
        </label>
        <label>
          Size
          <input type="range" min={1} max={16} step={0.5} value={settings.pointSize} onChange={(event) => setSettings({ ...settings, pointSize: Number(event.target.value) })} />
        </label>
        <label>
          Opacity
          <input type="range" min={0.05} max={1} step={0.05} value={settings.opacity} onChange={(event) => setSettings({ ...settings, opacity: Number(event.target.value) })} />
        </label>
        <fieldset className="form-check" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="visually-hidden">Selection tool (Shift-drag)</legend>
          <label className="form-check">
            <input type="radio" name={`${projectionId}-tool`} checked={settings.selectionTool === "lasso"} onChange={() => setSettings({ ...settings, selectionTool: "lasso" })} /> Lasso
          </label>
          <label className="form-check">
            <input type="radio" name={`${projectionId}-tool`} checked={settings.selectionTool === "box"} onChange={() => setSettings({ ...settings, selectionTool: "box" })} /> Box
          </label>
        </fieldset>
        <label>
          Beside it
          <select value={compareId} onChange={(event) => setCompareId(event.target.value)} data-testid="projection-compare-with">
            <option value="">—</option>
            {list.data
              ?.filter((entry) => entry.id !== projectionId && entry.status === "succeeded")
              .map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.name}
                </option>
              ))}
          </select>
        </label>
        {patients.length > 0 && (
          <label>
            Patient path
            <select value={pathPatient} onChange={(event) => setPathPatient(event.target.value)} data-testid="projection-patient-path">
              <option value="">—</option>
              {patients.map((patient) => (
                <option key={patient.id} value={patient.id}>
                  {patient.code} ({patient.points})
                </option>
              ))}
            </select>
          </label>
        )}
        {pathPatient && (
          <button type="button" className="button" onClick={() => navigation.openDocument({ kind: "trajectory", patientId: pathPatient }, `Trajectory ${patients.find((p) => p.id === pathPatient)?.code ?? ""}`)}>
            Trajectory…
          </button>
        )}
        <button type="button" className="button" onClick={() => plotRef.current?.resetView()} disabled={!ready}>
          Reset view
        </button>
        <button type="button" className="button" disabled={!ready} data-testid="projection-export-png" onClick={() => void plotRef.current?.exportPng().then((blob) => downloadBlob(`${fileNameOf(title)}.png`, blob))}>
          PNG
        </button>
        <button type="button" className="button" disabled={!ready} data-testid="projection-export-svg" onClick={exportSvg}>
          SVG
        </button>
        <button type="button" className="button" disabled={!ready} data-testid="projection-export-csv" onClick={() => exportCsv()}>
          CSV
        </button>
      </div>
      <ProjectionNotices
        points={main.data}
        analyse={() => analyseMissing.mutate()}
        analysing={analyseMissing}
        place={() => placeNew.mutate()}
        placing={placeNew}
      />
      {ready && coloring && legend ? (
        <div className={styles.body}>
          <div className={styles.plots}>
            <ProjectionPlot
              title={title}
              points={points}
              coloring={coloring}
              hidden={hidden}
              settings={settings}
              selection={selection}
              onSelectionChange={(indices) => setSelectedKeys(keysOfIndices(points, indices))}
              onOpenPoint={(index) => openPoint(points, index)}
              {...(cluster?.outlines.length ? { outlines: cluster.outlines } : {})}
              {...(path ? { path } : {})}
              plotRef={plotRef}
              testId="projection-plot-main"
            />
            {otherPoints && otherColoring && (
              <ProjectionPlot
                title={otherPoints.projection.name}
                points={otherPoints}
                coloring={otherColoring}
                hidden={new Set()}
                settings={settings}
                selection={otherSelection}
                onSelectionChange={(indices) => setSelectedKeys(keysOfIndices(otherPoints, indices))}
                onOpenPoint={(index) => openPoint(otherPoints, index)}
                testId="projection-plot-other"
              />
            )}
          </div>
          <aside className={styles.aside} aria-label="Legend, selection and clusters">
            <section>
              <ScatterLegend
                legend={legend}
                title={colorFieldTitle(colorBy)}
                onToggle={(code) => setHidden(toggleHidden(hidden, code))}
                onIsolate={(code) => legend.kind === "categorical" && setHidden(isolateInLegend(legend, code))}
                onShowAll={() => setHidden(new Set())}
              />
            </section>
            <SelectionPanel
              projectionId={projectionId}
              points={points}
              selection={selection}
              level={projection.level}
              onClear={() => setSelectedKeys(new Set())}
              onOpenPoint={(index) => openPoint(points, index)}
              onExportCsv={() => exportCsv(selection)}
            />
            <ClusterPanel
              projectionId={projectionId}
              points={points}
              active={cluster}
              onShow={(view) => {
                setCluster(view);
                if (view) {
                  setColorBy("cluster");
                  setHidden(new Set());
                }
              }}
              onOpenPoint={(index) => openPoint(points, index)}
            />
          </aside>
        </div>
      ) : null}
    </div>
  );
}

function ProjectionNotices({
  points,
  analyse,
  analysing,
  place,
  placing,
}: {
  points: ProjectionPoints;
  analyse: () => void;
  analysing: { isPending: boolean; error: Error | null; data?: { missing: number; recordings?: number } | undefined };
  place: () => void;
  placing: { isPending: boolean; error: Error | null; isSuccess: boolean };
}) {
  const { projection } = points;
  const job = useQuery({ ...jobQuery(projection.jobId ?? ""), enabled: Boolean(projection.jobId) && (projection.status === "queued" || projection.status === "running") });
  const unit = projection.level === "region" ? "regions" : "recordings";
  return (
    <>
      {(projection.status === "queued" || projection.status === "running") && (
        <p className={styles.notice} role="status" data-testid="projection-progress">
          Computing the projection{job.data ? `: ${jobProgressText(job.data)}` : "…"} (the Jobs panel can cancel it).
        </p>
      )}
      {(projection.status === "failed" || projection.status === "cancelled") && (
        <p className={`${styles.notice} form-error`} role="alert" data-testid="projection-failed">
          {projection.error}
        </p>
      )}
      {projection.status === "succeeded" && points.count === 0 && <p className={styles.notice}>The projection has no points.</p>}
      {projection.missingCount > 0 && (
        <p className={styles.notice} data-testid="projection-missing">
          {projection.missingCount.toLocaleString()} {unit} of this set have no embedding from {projection.model.name} {projection.model.version} and are not shown.
          <button type="button" className="button" onClick={analyse} disabled={analysing.isPending || Boolean(analysing.data)} data-testid="projection-analyse-missing">
            Analyse them
          </button>
          {projection.status === "succeeded" && (
            <button type="button" className="button" onClick={place} disabled={placing.isPending} data-testid="projection-place-new">
              Place analysed ones into this projection
            </button>
          )}
          {analysing.data && <span>Analysis queued for {analysing.data.recordings ?? 0} recordings; then place them here.</span>}
          {placing.isSuccess && <span>Placing queued; the new points appear when it finishes.</span>}
          {(analysing.error ?? placing.error) && <span className="form-error">{(analysing.error ?? placing.error)!.message}</span>}
        </p>
      )}
    </>
  );
}
