"use client";

import type { NotebookCellOutput } from "@/lib/domain/notebook/notebook-cell";
import { CellTextArea } from "./cell-text-area";
import { ResultTable } from "./result-table";
import styles from "./notebooks.module.css";

/** A SQL query over the notebook views, and its last result or error. */
export function SqlCell({
  source,
  output,
  onChange,
  onAddChart,
}: {
  source: string;
  output: NotebookCellOutput | null;
  onChange: (source: string) => void;
  onAddChart: () => void;
}) {
  return (
    <>
      <CellTextArea value={source} onChange={onChange} label="SQL" code placeholder="SELECT … FROM labels — read-only; see Views for what can be queried" />
      {output?.kind === "error" && (
        <p className={styles.cellError} role="alert" data-testid="notebook-error" data-code={output.code}>
          {output.message}
        </p>
      )}
      {output?.kind === "table" && (
        <>
          <ResultTable output={output} />
          {output.columns.length > 0 && (
            <button type="button" className="button" onClick={onAddChart}>
              Chart this result
            </button>
          )}
        </>
      )}
    </>
  );
}
