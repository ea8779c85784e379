"use client";

import { useQuery } from "@tanstack/react-query";
import { inferenceStatus } from "./analysis/inference-status";
import { useCommands, useWhenContext } from "./commands/commands-provider";
import { healthQueryOptions } from "./health-query";
import { isFinished, recentJobsQuery } from "./jobs/job-queries";

const MODE_LABELS = { embedded: "Embedded database", postgresql: "PostgreSQL" } as const;

/** Database mode, pending migrations, running jobs, the editor's selection, its model, the inference provider and the version. */
export function StatusBar() {
  const health = useQuery(healthQueryOptions());
  const jobs = useQuery(recentJobsQuery(20));
  const context = useWhenContext();
  const { run } = useCommands();
  const data = health.data;
  let databaseText = "Connecting…";
  if (health.isError || data?.status === "error") databaseText = "Database unavailable";
  else if (data?.database) databaseText = MODE_LABELS[data.database.mode];
  const pending = data?.database?.migrations.pending.length ?? 0;
  const inference = data?.status === "error" ? null : inferenceStatus(data?.inference);
  const running = (jobs.data ?? []).filter((job) => !isFinished(job.status)).length;
  const selection = typeof context.editorSelection === "string" && context.editorSelection !== "" ? context.editorSelection : null;
  const activeModel = typeof context.activeModel === "string" && context.activeModel !== "" ? context.activeModel : null;

  return (
    <footer className="status-bar" role="status" aria-label="Status bar">
      <span data-testid="status-database">{databaseText}</span>
      {pending > 0 && <span>{pending} migration(s) pending</span>}
      {jobs.data && (
        <button type="button" className="status-bar__item" data-testid="status-jobs" title="Show the Jobs panel" onClick={() => void run("panel.showJobs")}>
          {running === 0 ? "No jobs running" : `${running} job${running === 1 ? "" : "s"} running`}
        </button>
      )}
      <span className="status-bar__spacer" />
      {selection && (
        <span data-testid="status-selection" title="Selection in the editor">
          {selection}
        </span>
      )}
      {activeModel && (
        <span data-testid="status-model" title="The model whose curves the editor shows">
          {activeModel}
        </span>
      )}
      {inference && (
        <span data-testid="status-inference" title={inference.title}>
          {inference.text}
        </span>
      )}
      {data?.version && <span data-testid="status-version">Resonance {data.version}</span>}
    </footer>
  );
}
