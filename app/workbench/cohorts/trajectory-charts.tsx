"use client";

import { CANONICAL_LABELS } from "@/lib/domain/emotion-labels";
import { EMOTION_COLORS } from "../analysis/emotion-colors";
import { axisTicks, niceCeiling, tickLabels } from "./chart-scale";
import { formatShare } from "./comparison-text";
import type { TrajectorySessionView, TrajectoryView } from "./cohort-types";
import styles from "./cohorts.module.css";

const WIDTH = 640;
const LEFT = 48;
const RIGHT = 52;
const TOP = 10;
const PLOT = 150;
const BOTTOM = 40;
const SERIES = { euclidean: "var(--accent)", cosine: "#e377c2" } as const;

/**
 * Distance between consecutive sessions' mean embeddings: euclidean on the
 * left axis, cosine on the right (their scales differ by orders of
 * magnitude), one point per step.
 */
export function StepDistanceChart({ trajectory }: { trajectory: TrajectoryView }) {
  const { steps } = trajectory;
  const codes = new Map(trajectory.sessions.map((session) => [session.sessionId, session.code]));
  if (steps.length === 0) return <p className={styles.note}>No distances: fewer than two sessions have an embedding by this model.</p>;
  const width = WIDTH - LEFT - RIGHT;
  const x = (index: number) => LEFT + (steps.length === 1 ? width / 2 : (index * width) / (steps.length - 1));
  const maxEuclidean = niceCeiling(Math.max(...steps.map((step) => step.euclidean)));
  const maxCosine = niceCeiling(Math.max(...steps.map((step) => step.cosine)));
  const y = (value: number, max: number) => TOP + PLOT - (value / max) * PLOT;
  const line = (values: number[], max: number) => values.map((value, index) => `${index === 0 ? "M" : "L"}${x(index)},${y(value, max)}`).join(" ");
  const height = TOP + PLOT + BOTTOM;
  // Both axes share the grid lines: the cosine ticks sit where the euclidean ones do.
  const euclideanLabels = tickLabels(axisTicks(maxEuclidean));
  const cosineLabels = tickLabels(axisTicks(maxCosine));
  return (
    <figure style={{ margin: 0 }}>
      <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="img" aria-label="Distance between consecutive sessions" data-testid="trajectory-distance-chart">
        {axisTicks(maxEuclidean).map((tick, index) => (
          <g key={tick}>
            <line className={styles.grid} x1={LEFT} x2={LEFT + width} y1={y(tick, maxEuclidean)} y2={y(tick, maxEuclidean)} />
            <text x={LEFT - 6} y={y(tick, maxEuclidean)} textAnchor="end" dominantBaseline="middle" style={{ fill: SERIES.euclidean }}>
              {euclideanLabels[index]}
            </text>
            <text x={LEFT + width + 6} y={y(tick, maxEuclidean)} dominantBaseline="middle" style={{ fill: SERIES.cosine }}>
              {cosineLabels[index]}
            </text>
          </g>
        ))}
        <line className={styles.axis} x1={LEFT} x2={LEFT + width} y1={TOP + PLOT} y2={TOP + PLOT} />
        {(["euclidean", "cosine"] as const).map((metric) => {
          const max = metric === "euclidean" ? maxEuclidean : maxCosine;
          return (
            <g key={metric}>
              <path d={line(steps.map((step) => step[metric]), max)} fill="none" stroke={SERIES[metric]} strokeWidth={2} strokeDasharray={metric === "cosine" ? "5 3" : undefined} />
              {steps.map((step, index) => (
                <circle key={step.toSessionId} cx={x(index)} cy={y(step[metric], max)} r={3.5} fill={SERIES[metric]}>
                  <title>{`${codes.get(step.fromSessionId)} → ${codes.get(step.toSessionId)}: ${metric} ${step[metric].toFixed(4)}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
        {steps.map((step, index) => (
          <text key={step.toSessionId} x={x(index)} y={TOP + PLOT + 16} textAnchor="middle">
            {codes.get(step.fromSessionId)}→{codes.get(step.toSessionId)}
          </text>
        ))}
      </svg>
      <ul className={styles.legend}>
        <li>
          <span className={styles.swatch} style={{ background: SERIES.euclidean }} />
          euclidean (left axis)
        </li>
        <li>
          <span className={styles.swatch} style={{ background: SERIES.cosine }} />
          cosine distance (right axis, dashed)
        </li>
      </ul>
    </figure>
  );
}

const SOURCE_MARKS: Readonly<Record<NonNullable<TrajectorySessionView["source"]>, string>> = { human: "H", model: "M", mixed: "H+M" };

/** Each session's emotion mix as a stacked column, H / M / H+M under it for human labels, model predictions or both. */
export function SessionProportionChart({ sessions }: { sessions: readonly TrajectorySessionView[] }) {
  if (sessions.length === 0) return <p className={styles.note}>This patient has no sessions.</p>;
  const width = WIDTH - LEFT - 8;
  const slot = width / sessions.length;
  const column = Math.min(36, slot * 0.7);
  const height = TOP + PLOT + BOTTOM + 6;
  return (
    <figure style={{ margin: 0 }}>
      <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="img" aria-label="Emotion proportions per session" data-testid="trajectory-proportion-chart">
        {axisTicks(1).map((tick) => (
          <g key={tick}>
            <line className={styles.grid} x1={LEFT} x2={LEFT + width} y1={TOP + PLOT - tick * PLOT} y2={TOP + PLOT - tick * PLOT} />
            <text x={LEFT - 6} y={TOP + PLOT - tick * PLOT} textAnchor="end" dominantBaseline="middle">
              {Math.round(tick * 100)}%
            </text>
          </g>
        ))}
        {sessions.map((session, index) => {
          const centre = LEFT + slot * (index + 0.5);
          let top = TOP + PLOT;
          return (
            <g key={session.sessionId}>
              {session.proportions === null ? (
                <text x={centre} y={TOP + PLOT - 8} textAnchor="middle" className={styles.mutedText}>
                  –
                </text>
              ) : (
                CANONICAL_LABELS.map((label, k) => {
                  const share = session.proportions![k] ?? 0;
                  if (share <= 0) return null;
                  top -= share * PLOT;
                  return (
                    <rect key={label} x={centre - column / 2} y={top} width={column} height={share * PLOT} fill={EMOTION_COLORS[label]}>
                      <title>{`${session.code}: ${label} ${formatShare(share)}`}</title>
                    </rect>
                  );
                })
              )}
              <text x={centre} y={TOP + PLOT + 14} textAnchor="middle">
                {session.code}
              </text>
              <text x={centre} y={TOP + PLOT + 28} textAnchor="middle" className={styles.mutedText} data-source={session.source ?? "none"}>
                {session.source ? SOURCE_MARKS[session.source] : "no data"}
              </text>
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
        <li>H: human labels · M: model predictions · H+M: both</li>
      </ul>
    </figure>
  );
}
