"use client";

import type { UtteranceScoresView } from "../api-types";
import { formatPercent } from "./analysis-text";
import styles from "./analysis.module.css";
import { EMOTION_COLORS } from "./emotion-colors";

/** The nine utterance scores as horizontal bars, the top label highlighted. */
export function UtteranceScoresChart({ scores }: { scores: UtteranceScoresView }) {
  return (
    <ul className={styles.bars} aria-label="Utterance scores">
      {scores.labels.map((label, index) => {
        const score = scores.scores[index] ?? 0;
        const top = label === scores.top;
        return (
          <li key={label} className={top ? styles.barTop : undefined} data-label={label} data-top={top ? "true" : undefined}>
            <span>{label}</span>
            <span className={styles.barTrack} aria-hidden="true">
              <span className={styles.barFill} style={{ display: "block", width: `${Math.max(0, Math.min(1, score)) * 100}%`, background: EMOTION_COLORS[label] }} />
            </span>
            <span className={styles.percent}>{formatPercent(score)}</span>
          </li>
        );
      })}
    </ul>
  );
}
