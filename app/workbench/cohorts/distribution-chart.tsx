"use client";

import { CANONICAL_LABELS } from "@/lib/domain/emotion-labels";
import { EMOTION_COLORS } from "../analysis/emotion-colors";
import { formatShare } from "./comparison-text";
import type { CohortDistribution } from "./cohort-types";
import styles from "./cohorts.module.css";

const WIDTH = 640;
const LABEL_WIDTH = 170;
const ROW = 26;
const BAR = 18;
/** Narrower segments than this carry no percentage: it would not fit. */
const LABEL_MIN_SHARE = 0.07;

/**
 * Each cohort's mean emotion mix as one stacked bar (each unit weighs the
 * same), with the legend and the same numbers as a table for screen readers
 * and for reading exact values.
 */
export function DistributionChart({ cohorts, unitNoun }: { cohorts: readonly CohortDistribution[]; unitNoun: string }) {
  const barWidth = WIDTH - LABEL_WIDTH - 8;
  const height = cohorts.length * ROW + 4;
  return (
    <figure style={{ margin: 0 }}>
      <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="img" aria-label="Mean emotion distribution per cohort" data-testid="cohort-distribution-chart">
        {cohorts.map((cohort, row) => {
          let start = 0;
          const y = row * ROW + 4;
          return (
            <g key={cohort.cohortId}>
              <text x={LABEL_WIDTH - 8} y={y + BAR / 2} dominantBaseline="middle" textAnchor="end">
                {truncate(cohort.name, 20)} (n = {cohort.units})
              </text>
              {cohort.units === 0 ? (
                <text x={LABEL_WIDTH} y={y + BAR / 2} dominantBaseline="middle" className={styles.mutedText}>
                  no {unitNoun}s with labels or analysis
                </text>
              ) : (
                CANONICAL_LABELS.map((label, k) => {
                  const share = cohort.meanProportions[k] ?? 0;
                  const x = LABEL_WIDTH + start * barWidth;
                  start += share;
                  if (share <= 0) return null;
                  return (
                    <g key={label}>
                      <rect x={x} y={y} width={share * barWidth} height={BAR} fill={EMOTION_COLORS[label]}>
                        <title>{`${cohort.name}: ${label} ${formatShare(share)}`}</title>
                      </rect>
                      {share >= LABEL_MIN_SHARE && (
                        <text x={x + (share * barWidth) / 2} y={y + BAR / 2} dominantBaseline="middle" textAnchor="middle" style={{ fill: "#fff", fontSize: 10 }}>
                          {Math.round(share * 100)}%
                        </text>
                      )}
                    </g>
                  );
                })
              )}
            </g>
          );
        })}
      </svg>
      <ul className={styles.legend} aria-hidden="true">
        {CANONICAL_LABELS.map((label) => (
          <li key={label}>
            <span className={styles.swatch} style={{ background: EMOTION_COLORS[label] }} />
            {label}
          </li>
        ))}
      </ul>
      <table className={styles.table} data-testid="cohort-distribution-table">
        <caption>Mean share of each emotion per {unitNoun}</caption>
        <thead>
          <tr>
            <th scope="col">Cohort</th>
            <th scope="col">n</th>
            {CANONICAL_LABELS.map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cohorts.map((cohort) => (
            <tr key={cohort.cohortId} data-testid="cohort-distribution-row">
              <th scope="row">{cohort.name}</th>
              <td>{cohort.units}</td>
              {CANONICAL_LABELS.map((label, k) => (
                <td key={label}>{cohort.units === 0 ? "–" : formatShare(cohort.meanProportions[k] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
