"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ProjectionSummary } from "../api-types";
import { CommandButton } from "../shell/command-button";
import { useWorkbenchNavigation } from "../shell/workbench-navigation";
import { deleteProjection, projectionKeys, projectionListQuery } from "./projection-queries";
import styles from "./projections.module.css";

export function projectionStatusText(projection: ProjectionSummary): string {
  switch (projection.status) {
    case "succeeded":
      return `${projection.pointCount.toLocaleString()} points${projection.missingCount ? `, ${projection.missingCount.toLocaleString()} without embedding` : ""}`;
    case "queued":
      return "Waiting to run";
    case "running":
      return "Computing…";
    case "cancelled":
      return "Cancelled";
    case "failed":
      return `Failed: ${projection.error ?? "no reason given"}`;
  }
}

/** The Projections view of the side bar: every stored projection, newest first; one opens in an editor tab. */
export function ProjectionsView() {
  const navigation = useWorkbenchNavigation();
  const queryClient = useQueryClient();
  const projections = useQuery(projectionListQuery());
  const remove = useMutation({
    mutationFn: deleteProjection,
    onSettled: () => queryClient.invalidateQueries({ queryKey: projectionKeys.all }),
  });

  return (
    <div className={styles.sideView} data-testid="projections-view">
      <div className={styles.actions}>
        <CommandButton command="projection.new" className="button button--primary" />
      </div>
      {projections.isPending && <p className={styles.empty}>Loading…</p>}
      {projections.isError && <p className="form-error">{projections.error.message}</p>}
      {projections.data?.length === 0 && (
        <p className={styles.empty} data-testid="view-empty-state">
          No projections yet. A projection places each recording (or region) by its model embedding with UMAP, so groups that sound alike sit together.
        </p>
      )}
      {remove.error && <p className="form-error">{remove.error.message}</p>}
      <ul className={styles.list} aria-label="Projections">
        {projections.data?.map((projection) => (
          <li key={projection.id} className={styles.item} data-testid="projection-item" data-status={projection.status}>
            <button
              type="button"
              className={styles.open}
              onClick={() => navigation.openDocument({ kind: "projection", projectionId: projection.id }, projection.name)}
              title={projection.name}
            >
              <span className={styles.name}>{projection.name}</span>
              <span className={styles.meta}>
                {projection.model.name} {projection.model.version} · {projectionStatusText(projection)}
              </span>
            </button>
            <button
              type="button"
              className={styles.remove}
              aria-label={`Delete ${projection.name}`}
              title="Delete"
              onClick={() => {
                if (window.confirm(`Delete the projection "${projection.name}"? Its coordinates and clusters are removed; recordings and labels stay.`)) remove.mutate(projection.id);
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
