"use client";

import type { ImportCounts, ImportOutcome, ImportReport } from "../api-types";

const OUTCOME_LABELS: Readonly<Record<ImportOutcome, string>> = {
  imported: "imported",
  duplicate: "duplicate",
  "imported-with-warnings": "imported with warnings",
  failed: "failed",
  problem: "problem",
  skipped: "skipped (not audio)",
};

// A Record, so a new count in ImportCounts fails the typecheck until it is shown here. "Imported"
// counts every stored file, warnings or not, as the job summary does.
const COUNTS: Readonly<Record<keyof ImportCounts, { label: string; value: (counts: ImportCounts) => number }>> = {
  imported: { label: "Imported", value: (counts) => counts.imported + (counts.warnings ?? 0) },
  warnings: { label: "of them with warnings", value: (counts) => counts.warnings },
  duplicates: { label: "Duplicates", value: (counts) => counts.duplicates },
  failed: { label: "Failed", value: (counts) => counts.failed },
  problems: { label: "Other problems", value: (counts) => counts.problems },
  skipped: { label: "Skipped (not audio)", value: (counts) => counts.skipped },
};

/** Beyond this the table would slow the dialog down; the CSV has every row. */
const MAX_ROWS = 500;

/** What an import did with each input: counts, a table of entries, and the CSV download. */
export function ImportReportView({ report, jobId }: { report: ImportReport; jobId: string }) {
  const rows = report.entries.slice(0, MAX_ROWS);
  return (
    <section className="import-report" aria-label="Import report">
      <dl className="import-report__counts">
        {Object.entries(COUNTS).map(([key, { label, value }]) => (
          <div key={key} data-testid={`import-count-${key}`}>
            <dt>{label}</dt>
            {/* Reports stored before a count existed lack it. */}
            <dd>{value(report.counts) || 0}</dd>
          </div>
        ))}
      </dl>
      <a className="button" href={`/api/jobs/${encodeURIComponent(jobId)}/report`} download>
        Download CSV
      </a>
      <div className="import-report__table">
        <table aria-label="Import report entries">
          <thead>
            <tr>
              <th scope="col">Path</th>
              <th scope="col">Outcome</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((entry, index) => (
              <tr key={`${index}:${entry.path}`} data-outcome={entry.outcome}>
                <td>{entry.path}</td>
                <td>{OUTCOME_LABELS[entry.outcome] ?? entry.outcome}</td>
                <td>{entry.reason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.entries.length > rows.length && (
        <p className="form-hint">
          Showing {rows.length} of {report.entries.length} entries; the CSV has all of them.
        </p>
      )}
    </section>
  );
}
