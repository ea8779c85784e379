"use client";

import { useMemo, useState } from "react";
import type { NotebookTableOutput, NotebookTableValue } from "@/lib/domain/notebook/notebook-cell";
import styles from "./notebooks.module.css";

const SHOWN_ROWS = 500;

function compare(a: NotebookTableValue, b: NotebookTableValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

const text = (value: NotebookTableValue) => (value === null ? "NULL" : typeof value === "number" ? value.toLocaleString(undefined, { maximumFractionDigits: 6 }) : String(value));

/** A SQL cell's result: click a column's header to sort by it, again to reverse; NULLs sort last. */
export function ResultTable({ output }: { output: NotebookTableOutput }) {
  const [sort, setSort] = useState<{ column: number; descending: boolean } | null>(null);
  const rows = useMemo(() => {
    if (!sort) return output.rows;
    const sorted = [...output.rows].sort((a, b) => compare(a[sort.column] ?? null, b[sort.column] ?? null));
    return sort.descending ? sorted.reverse() : sorted;
  }, [output.rows, sort]);
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? rows : rows.slice(0, SHOWN_ROWS);

  return (
    <div className={styles.result} data-testid="notebook-result">
      <p className={styles.resultMeta}>
        {output.rowCount.toLocaleString()} {output.rowCount === 1 ? "row" : "rows"}
        {output.truncated ? " (more matched; raise the row limit or aggregate)" : ""} · {output.elapsedMs} ms
      </p>
      <div className={styles.tableScroll}>
        <table className={styles.table}>
          <thead>
            <tr>
              {output.columns.map((column, index) => (
                <th
                  key={index}
                  scope="col"
                  aria-sort={sort?.column === index ? (sort.descending ? "descending" : "ascending") : "none"}
                  title={column.type}
                >
                  <button
                    type="button"
                    onClick={() => setSort((current) => (current?.column === index ? { column: index, descending: !current.descending } : { column: index, descending: false }))}
                  >
                    {column.name}
                    {sort?.column === index ? (sort.descending ? " ▾" : " ▴") : ""}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {row.map((value, index) => (
                  <td key={index} className={typeof value === "number" ? styles.number : value === null ? styles.null : undefined}>
                    {text(value)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown.length && (
        <button type="button" className="button" onClick={() => setShowAll(true)}>
          Show all {rows.length.toLocaleString()} rows
        </button>
      )}
    </div>
  );
}
