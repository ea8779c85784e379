"use client";

import type { ChartSpec, NotebookCell } from "@/lib/domain/notebook/notebook-cell";
import { ChartBuilder, ChartView } from "./chart-builder";
import styles from "./notebooks.module.css";

type ChartCellType = Extract<NotebookCell, { kind: "chart" }>;

/** One line naming a SQL cell in the "Data from" list: its number and the start of its query. */
export function sqlCellLabel(cells: readonly NotebookCell[], id: string): string {
  const index = cells.findIndex((cell) => cell.id === id);
  const firstLine = cells[index]?.source.split("\n").find((line) => line.trim() !== "")?.trim() ?? "(empty)";
  return `Cell ${index + 1}: ${firstLine.length > 60 ? `${firstLine.slice(0, 59)}…` : firstLine}`;
}

/** A chart of another SQL cell's result, redrawn whenever that cell runs again. */
export function ChartCell({
  cell,
  cells,
  theme,
  onChange,
}: {
  cell: ChartCellType;
  cells: readonly NotebookCell[];
  theme: "light" | "dark";
  onChange: (settings: ChartCellType["settings"]) => void;
}) {
  const sqlCells = cells.filter((candidate) => candidate.kind === "sql");
  const source = cells.find((candidate) => candidate.id === cell.settings.sourceCellId);
  const output = source?.output;
  const setSpec = (spec: ChartSpec) => onChange({ ...cell.settings, spec });
  return (
    <div className={styles.chartCell}>
      <label className={styles.inlineField}>
        Data from
        <select value={cell.settings.sourceCellId ?? ""} onChange={(event) => onChange({ ...cell.settings, sourceCellId: event.target.value || null })}>
          <option value="">Choose a SQL cell…</option>
          {sqlCells.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {sqlCellLabel(cells, candidate.id)}
            </option>
          ))}
        </select>
      </label>
      {cell.settings.sourceCellId && !source && (
        <p className={styles.cellError} role="alert">
          The SQL cell this chart drew from was deleted; choose another.
        </p>
      )}
      {source && output?.kind !== "table" && (
        <p className={styles.placeholder}>
          Run {sqlCellLabel(cells, source.id).split(":")[0]} to draw this chart{output?.kind === "error" ? " (its last run failed)" : ""}.
        </p>
      )}
      {output?.kind === "table" && (
        <>
          <ChartBuilder columns={output.columns} value={cell.settings.spec} onChange={setSpec} />
          <ChartView columns={output.columns} rows={output.rows} spec={cell.settings.spec} theme={theme} />
        </>
      )}
    </div>
  );
}
