"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, useState } from "react";
import type { ExportView } from "../api-types";
import { CommandButton } from "../shell/command-button";
import { ApiTokensView } from "./api-tokens-view";
import { downloadText, fileNameOf } from "../download-file";
import { exportKeys, exportListQuery, importLabels, startExport } from "./export-queries";
import styles from "./exports.module.css";

interface CountsJson {
  items?: number;
  patients?: number;
  splits?: Record<string, { items: number; patients: number }>;
  skipped?: Record<string, number>;
  error?: string;
}

/**
 * The Exports view: every export with its state and counts, how to pull a
 * snapshot with a token, label import from other tools, and the API tokens.
 */
export function ExportsView() {
  const exports = useQuery(exportListQuery());
  return (
    <div className={styles.view} data-testid="exports-view">
      <div className={styles.actions}>
        <CommandButton command="export.new" className="button button--primary" />
        <LabelImportButton />
      </div>
      {exports.isError && <p className="form-error">{exports.error.message}</p>}
      {exports.data?.length === 0 && (
        <p className={styles.empty}>No exports yet. An export is an immutable snapshot: clips, manifests in the formats training pipelines read, splits without a patient in two of them, and a datasheet.</p>
      )}
      <ul className={styles.list} aria-label="Exports">
        {exports.data?.map((entry) => (
          <ExportEntry key={entry.id} entry={entry} />
        ))}
      </ul>
      <section className={styles.tokens} aria-label="API tokens">
        <h3>API tokens</h3>
        <ApiTokensView />
      </section>
    </div>
  );
}

function ExportEntry({ entry }: { entry: ExportView }) {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  // A definition is kept with its snapshot: running it again on unchanged data gives the same files.
  const again = useMutation({
    mutationFn: () => startExport(entry.definition),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exportKeys.all }),
  });
  const counts = (entry.counts ?? {}) as CountsJson;
  const summary =
    entry.status === "succeeded"
      ? `${counts.items?.toLocaleString() ?? 0} items, ${counts.patients ?? 0} patients`
      : entry.status === "failed"
        ? `Failed: ${counts.error ?? "see the Jobs panel"}`
        : "Writing…";
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  return (
    <li className={styles.item} data-testid="export-item" data-status={entry.status}>
      <button type="button" className={styles.open} aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className={styles.name}>{entry.name}</span>
        <span className={styles.meta}>
          {new Date(entry.createdAt).toLocaleString()} · {summary}
        </span>
      </button>
      {open && (
        <div className={styles.details}>
          {counts.splits && (
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">Split</th>
                  <th scope="col">Items</th>
                  <th scope="col">Patients</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(counts.splits).map(([split, values]) => (
                  <tr key={split}>
                    <th scope="row">{split}</th>
                    <td>{values.items}</td>
                    <td>{values.patients}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {counts.skipped && Object.keys(counts.skipped).length > 0 && (
            <p className="form-hint">Not exported: {Object.entries(counts.skipped).map(([reason, count]) => `${count} ${reason.replaceAll("-", " ")}`).join(", ")}.</p>
          )}
          <div className={styles.entryActions}>
            <button type="button" className="button" onClick={() => again.mutate()} disabled={again.isPending} data-testid="export-run-again">
              Run again
            </button>
            <button
              type="button"
              className="button"
              onClick={() => downloadText(`${fileNameOf(entry.name)}.definition.json`, `${JSON.stringify(entry.definition, null, 2)}\n`, "application/json")}
            >
              Definition (for npm run export)
            </button>
          </div>
          {again.error && <p className="form-error">{again.error.message}</p>}
          {entry.status === "succeeded" && (
            <>
              <p className="form-hint">
                Snapshot {entry.id}; manifest SHA-256 <code>{entry.manifestHash?.slice(0, 16)}…</code>. Files under the data folder&apos;s <code>exports/{entry.id}/</code>. Pull it with an API token:
              </p>
              <pre className={styles.code}>{`curl -H "Authorization: Bearer $TOKEN" -C - -o export.zip ${origin}/api/exports/${entry.id}/archive`}</pre>
            </>
          )}
        </div>
      )}
    </li>
  );
}

function LabelImportButton() {
  const importing = useMutation({
    mutationFn: async (file: File) => importLabels({ fileName: file.name, content: await file.text() }),
  });
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) importing.mutate(file);
    event.target.value = "";
  };
  return (
    <>
      <label className="button">
        Import labels…
        <input type="file" accept=".TextGrid,.textgrid,.eaf,.json" className="visually-hidden" onChange={onFile} data-testid="import-labels-file" />
      </label>
      {importing.data && (
        <p className="form-hint" role="status">
          Imported {importing.data.regions} labelled regions into {importing.data.recordings} recordings
          {importing.data.unknownLabels.length ? `; labels not recognised and left out: ${importing.data.unknownLabels.join(", ")}` : ""}
          {importing.data.unmatchedTasks.length ? `; ${importing.data.unmatchedTasks.length} tasks match no recording` : ""}.
        </p>
      )}
      {importing.error && <p className="form-error">{importing.error.message}</p>}
    </>
  );
}
