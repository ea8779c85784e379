"use client";

import { useQuery } from "@tanstack/react-query";
import { inferenceStatus } from "./analysis/inference-status";
import { healthQueryOptions } from "./health-query";

const MODE_LABELS = { embedded: "Embedded database", postgresql: "PostgreSQL" } as const;

export function StatusBar() {
  const health = useQuery(healthQueryOptions());
  const data = health.data;
  let databaseText = "Connecting…";
  if (health.isError || data?.status === "error") databaseText = "Database unavailable";
  else if (data?.database) databaseText = MODE_LABELS[data.database.mode];
  const pending = data?.database?.migrations.pending.length ?? 0;
  const inference = data?.status === "error" ? null : inferenceStatus(data?.inference);

  return (
    <footer className="status-bar" role="status" aria-label="Status bar">
      <span data-testid="status-database">{databaseText}</span>
      {pending > 0 && <span>{pending} migration(s) pending</span>}
      <span className="status-bar__spacer" />
      {inference && (
        <span data-testid="status-inference" title={inference.title}>
          {inference.text}
        </span>
      )}
      {data?.version && <span data-testid="status-version">Resonance {data.version}</span>}
    </footer>
  );
}
