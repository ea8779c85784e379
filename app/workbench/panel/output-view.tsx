"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";
import { useCommands } from "../commands/commands-provider";
import styles from "./panel.module.css";

/** The Output tab: what the workbench did and what went wrong, newest last, following the end as entries arrive. */
export function OutputView() {
  const { output } = useCommands();
  const entries = useSyncExternalStore(
    (listener) => output.subscribe(listener),
    () => output.list(),
    () => output.list(),
  );
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => end.current?.scrollIntoView({ block: "nearest" }), [entries.length]);

  if (entries.length === 0) return <p className={styles.empty}>Nothing in the output yet.</p>;
  return (
    <ol className={styles.output} aria-label="Output" data-testid="output-log">
      {entries.map((entry, index) => (
        <li key={entry.id} data-level={entry.level} ref={index === entries.length - 1 ? end : undefined}>
          <time dateTime={entry.at.toISOString()}>{entry.at.toLocaleTimeString()}</time>
          <span className={styles.outputLevel}>{entry.level}</span>
          <span className={styles.outputSource}>[{entry.source}]</span>
          <span>{entry.message}</span>
        </li>
      ))}
    </ol>
  );
}
