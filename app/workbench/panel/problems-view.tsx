"use client";

import { useQuery } from "@tanstack/react-query";
import { useWorkbenchNavigation } from "../shell/workbench-navigation";
import { problemsQuery } from "./problems-queries";
import type { Problem } from "./problems-types";
import styles from "./panel.module.css";

/** The Problems tab: failed imports, analyses and jobs; a problem about a recording opens it. */
export function ProblemsView() {
  const problems = useQuery(problemsQuery());
  const navigation = useWorkbenchNavigation();
  if (problems.isPending) return <p className={styles.empty}>Loading…</p>;
  if (problems.isError) return <p className="form-error">{problems.error.message}</p>;
  if (problems.data.length === 0) return <p className={styles.empty}>No problems have been detected.</p>;

  const open = (problem: Problem) => {
    if (problem.recordingId) navigation.openRecording(problem.recordingId, problem.path?.split("/").pop() || problem.title);
  };

  return (
    <ul className={styles.problems} aria-label="Problems" data-testid="problems-list">
      {problems.data.map((problem) => {
        const body = (
          <>
            <span className={styles.severity} data-severity={problem.severity}>
              {problem.severity === "error" ? "Error" : "Warning"}
            </span>
            <span className={styles.problemTitle}>{problem.title}</span>
            <span className={styles.problemDetail}>{problem.detail}</span>
            {problem.path && <span className={styles.problemPath}>{problem.path}</span>}
            <span className={styles.problemMeta}>
              {problem.source} · <time dateTime={problem.at}>{new Date(problem.at).toLocaleString()}</time>
            </span>
          </>
        );
        return (
          <li key={problem.id} data-severity={problem.severity}>
            {problem.recordingId ? (
              <button type="button" className={styles.problem} onClick={() => open(problem)} title="Open the recording">
                {body}
              </button>
            ) : (
              <div className={styles.problem}>{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
