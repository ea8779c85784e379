"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type RefObject, useEffect, useRef, useState } from "react";
import type { AnalysisView } from "../api-types";
import { formatDuration } from "../format-duration";
import styles from "./analysis.module.css";
import { curvesQuery } from "./analysis-queries";
import { formatAxisTime } from "./analysis-text";
import { curvePath } from "./curve-path";
import { EMOTION_COLORS } from "./emotion-colors";

const HEIGHT = 120;
/** Widths are rounded to this many pixels, so resizing the window does not refetch on every pixel. */
const WIDTH_STEP = 50;

/**
 * The nine classes' mean frame scores over the whole recording, one column
 * per pixel of the view's width, with a legend that hides and shows classes.
 * A first view; the waveform-and-curves editor replaces it.
 */
export function FrameCurvesView({ recordingId, analysis, uncalibrated }: { recordingId: string; analysis: AnalysisView; uncalibrated: boolean }) {
  const container = useRef<HTMLDivElement>(null);
  const pixels = useStepWidth(container);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const curves = useQuery({ ...curvesQuery(recordingId, analysis, pixels || WIDTH_STEP), enabled: pixels > 0, placeholderData: keepPreviousData });
  const data = curves.data;

  const toggle = (label: string) =>
    setHidden((current) => {
      const next = new Set(current);
      if (!next.delete(label)) next.add(label);
      return next;
    });

  return (
    <div className={styles.curves} ref={container}>
      {uncalibrated && analysis.frameRate && (
        <p className={styles.note} role="note" data-testid="uncalibrated-note">
          Frame scores apply the utterance classifier to each {Math.round(1000 / analysis.frameRate)} ms frame; they are not calibrated probabilities.
        </p>
      )}
      {curves.isError && <p className="form-error">{curves.error.message}</p>}
      {data && (
        <>
          <svg
            role="img"
            aria-label={`Frame curves of ${data.labels.length - hidden.size} emotion classes over ${formatDuration(data.to - data.from)}`}
            viewBox={`0 0 ${data.buckets} ${HEIGHT}`}
            preserveAspectRatio="none"
            height={HEIGHT}
            data-testid="frame-curves"
          >
            <line x1={0} x2={data.buckets} y1={HEIGHT / 2} y2={HEIGHT / 2} stroke="currentColor" strokeOpacity={0.15} vectorEffect="non-scaling-stroke" />
            {data.labels.map((label, index) =>
              hidden.has(label) ? null : (
                <path
                  key={label}
                  data-label={label}
                  d={curvePath(data.mean, index, data.labels.length, { width: data.buckets, height: HEIGHT })}
                  fill="none"
                  stroke={EMOTION_COLORS[label]}
                  strokeWidth={1.5}
                  vectorEffect="non-scaling-stroke"
                />
              ),
            )}
          </svg>
          <div className={styles.axis} aria-hidden="true">
            <span>{formatAxisTime(data.from, data.to - data.from)}</span>
            <span>{formatAxisTime(data.to, data.to - data.from)}</span>
          </div>
          <div className={styles.legend} role="group" aria-label="Classes shown">
            {data.labels.map((label) => (
              <button key={label} type="button" aria-pressed={!hidden.has(label)} onClick={() => toggle(label)}>
                <span className={styles.swatch} style={{ background: EMOTION_COLORS[label] }} />
                {label}
              </button>
            ))}
          </div>
        </>
      )}
      {!data && !curves.isError && <p aria-live="polite">Loading curves…</p>}
    </div>
  );
}

/** The element's width in pixels, rounded to WIDTH_STEP; 0 until measured. */
function useStepWidth(element: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const measure = () => setWidth(Math.max(WIDTH_STEP, Math.round(target.clientWidth / WIDTH_STEP) * WIDTH_STEP));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return width;
}
