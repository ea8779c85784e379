"use client";

import { NOTEBOOK_VIEWS } from "@/lib/notebooks/notebook-views";
import styles from "./notebooks.module.css";

/** What SQL cells may read: every view with its columns, folded away until asked for. */
export function NotebookViewsReference() {
  return (
    <details className={styles.reference}>
      <summary>Views SQL cells can query (read-only)</summary>
      {NOTEBOOK_VIEWS.map((view) => (
        <details key={view.name} className={styles.referenceView}>
          <summary>
            <code>{view.name.replace(/^notebook\./, "")}</code> — {view.description}
          </summary>
          <table className={styles.table}>
            <tbody>
              {view.columns.map((column) => (
                <tr key={column.name}>
                  <td>
                    <code>{column.name}</code>
                  </td>
                  <td className={styles.muted}>{column.type}</td>
                  <td>{column.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </details>
  );
}
