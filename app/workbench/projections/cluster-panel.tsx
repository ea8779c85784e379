"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { convexHull } from "@/lib/domain/scatter/convex-hull";
import { categoricalColor } from "@/lib/domain/scatter/scatter-colors";
import { fetchJson } from "../api-fetch";
import type { ClusteringView, ProjectionPointsPayload } from "../api-types";
import { postJson } from "./projection-queries";
import styles from "./projections.module.css";
import type { ScatterOutline } from "./scatter/scatter-plot";

interface ClusterSummaryJson {
  id: number;
  size: number;
  stability: number | null;
  cohortMix: { label: string; count: number }[];
  emotionMix: { label: string; count: number }[];
  representatives: number[];
}

/** The clustering shown on the plot: labels per point and an outline per cluster. */
export interface ClusterView {
  clusteringId: string;
  labels: Int32Array;
  outlines: ScatterOutline[];
}

const clusteringsKey = (projectionId: string) => ["projections", "clusterings", projectionId] as const;

function describe(clustering: ClusteringView): string {
  const parameters = clustering.parameters as Record<string, number>;
  return clustering.algorithm === "hdbscan" ? `HDBSCAN, min. cluster size ${parameters.minClusterSize}` : `k-means, k = ${parameters.k}, seed ${parameters.seed}`;
}

/** Outlines (convex hulls in the 2-D layout) of each cluster, coloured as the cluster colouring colours them. */
export function clusterOutlines(points: ProjectionPointsPayload, labels: Int32Array): ScatterOutline[] {
  const coordinates = new Float32Array(points.count * 2);
  const members = new Map<number, number[]>();
  for (let index = 0; index < points.count; index++) {
    coordinates[index * 2] = points.x[index]!;
    coordinates[index * 2 + 1] = points.y[index]!;
    const label = labels[index]!;
    if (label < 0) continue;
    const list = members.get(label) ?? [];
    list.push(index);
    members.set(label, list);
  }
  return [...members.entries()]
    .filter(([, indices]) => indices.length >= 3)
    .map(([label, indices]) => ({ polygon: convexHull(coordinates, indices), color: categoricalColor(label), label: `cluster ${label + 1}` }));
}

/**
 * Clusters of the projection's full embeddings: run HDBSCAN (density; noise
 * allowed) or k-means (a chosen k), pick a finished clustering to colour and
 * outline the plot by, and read each cluster's size, cohort and emotion mix
 * and the recordings nearest its centre.
 */
export function ClusterPanel({
  projectionId,
  points,
  active,
  onShow,
  onOpenPoint,
}: {
  projectionId: string;
  points: ProjectionPointsPayload;
  active: ClusterView | null;
  onShow: (view: ClusterView | null) => void;
  onOpenPoint: (index: number) => void;
}) {
  const queryClient = useQueryClient();
  const [algorithm, setAlgorithm] = useState<"hdbscan" | "kmeans">("hdbscan");
  const [minClusterSize, setMinClusterSize] = useState(15);
  const [k, setK] = useState(8);
  const clusterings = useQuery({
    queryKey: clusteringsKey(projectionId),
    queryFn: async () => (await fetchJson<{ clusterings: ClusteringView[] }>(`/api/projections/${encodeURIComponent(projectionId)}/clusterings`)).clusterings,
    refetchInterval: (query) => (query.state.data?.some((entry) => entry.status === "queued" || entry.status === "running") ? 1000 : false),
  });
  const run = useMutation({
    mutationFn: () =>
      postJson(`/api/projections/${encodeURIComponent(projectionId)}/clusterings`, algorithm === "hdbscan" ? { algorithm, minClusterSize } : { algorithm, k, seed: 42 }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clusteringsKey(projectionId) }),
  });
  const shown = clusterings.data?.find((entry) => entry.id === active?.clusteringId);
  const summaries = useMemo(() => ((shown?.summary as { clusters?: ClusterSummaryJson[] } | null)?.clusters ?? []), [shown]);

  const show = (clustering: ClusteringView) => {
    if (!clustering.labels || clustering.labels.length !== points.count) return;
    const labels = Int32Array.from(clustering.labels);
    onShow({ clusteringId: clustering.id, labels, outlines: clusterOutlines(points, labels) });
  };

  return (
    <section aria-label="Clusters" data-testid="projection-clusters">
      <h3>Clusters</h3>
      <p className="form-hint">Computed on the full embeddings, not on the 2-D layout.</p>
      <div className={styles.selectionActions}>
        <select value={algorithm} onChange={(event) => setAlgorithm(event.target.value as "hdbscan" | "kmeans")} aria-label="Clustering method" data-testid="cluster-algorithm">
          <option value="hdbscan">HDBSCAN</option>
          <option value="kmeans">k-means</option>
        </select>
        {algorithm === "hdbscan" ? (
          <label className="form-check">
            min. size
            <input type="number" min={2} max={10000} value={minClusterSize} onChange={(event) => setMinClusterSize(Number(event.target.value))} style={{ width: 64 }} />
          </label>
        ) : (
          <label className="form-check">
            k
            <input type="number" min={1} max={200} value={k} onChange={(event) => setK(Number(event.target.value))} style={{ width: 56 }} data-testid="cluster-k" />
          </label>
        )}
        <button type="button" className="button" onClick={() => run.mutate()} disabled={run.isPending} data-testid="cluster-run">
          Cluster
        </button>
      </div>
      {run.error && <p className="form-error">{run.error.message}</p>}
      <ul className={styles.selectionList} aria-label="Clusterings">
        {clusterings.data?.map((clustering) => (
          <li key={clustering.id} data-testid="clustering-item" data-status={clustering.status}>
            {clustering.status === "succeeded" ? (
              <button type="button" onClick={() => (active?.clusteringId === clustering.id ? onShow(null) : show(clustering))} aria-pressed={active?.clusteringId === clustering.id}>
                {describe(clustering)}
              </button>
            ) : (
              <span>
                {describe(clustering)}: {clustering.status === "failed" || clustering.status === "cancelled" ? clustering.error : "computing…"}
              </span>
            )}
          </li>
        ))}
      </ul>
      {summaries.length > 0 && (
        <table className={styles.table} data-testid="cluster-summary">
          <thead>
            <tr>
              <th scope="col">Cluster</th>
              <th scope="col">Size</th>
              <th scope="col">Cohorts</th>
              <th scope="col">Emotions</th>
              <th scope="col">Listen</th>
            </tr>
          </thead>
          <tbody>
            {summaries.map((cluster) => (
              <tr key={cluster.id} data-testid="cluster-row">
                <th scope="row" style={{ color: cluster.id >= 0 ? categoricalColor(cluster.id) : undefined }}>
                  {cluster.id >= 0 ? cluster.id + 1 : "noise"}
                </th>
                <td>{cluster.size}</td>
                <td>{mix(cluster.cohortMix, cluster.size)}</td>
                <td>{mix(cluster.emotionMix, cluster.size)}</td>
                <td>
                  {cluster.representatives.slice(0, 3).map((index) => (
                    <button key={index} type="button" className="link-button" onClick={() => onOpenPoint(index)} title={points.names[index]}>
                      ▶
                    </button>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function mix(entries: readonly { label: string; count: number }[], size: number): string {
  return entries
    .slice(0, 3)
    .map((entry) => `${entry.label} ${Math.round((100 * entry.count) / Math.max(size, 1))}%`)
    .join(", ");
}
