"use client";

import type { RecordingSummary } from "../api-types";
import styles from "./editor.module.css";
import { factsOf } from "./recording-facts";

/** The recording's name and the facts a researcher checks first: length, format, channels, who and when. */
export function EditorHeader({ title, recording, durationSeconds }: { title: string; recording: RecordingSummary | undefined; durationSeconds: number }) {
  return (
    <header className={styles.header}>
      <h1 className={styles.title}>{recording?.originalName ?? title}</h1>
      {recording && (
        <p className={styles.facts} data-testid="recording-facts">
          {factsOf(recording, durationSeconds).map(([name, value]) => (
            <span key={name} title={name}>
              {value}
            </span>
          ))}
        </p>
      )}
    </header>
  );
}
