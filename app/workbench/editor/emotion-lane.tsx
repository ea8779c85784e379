"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { CANONICAL_LABELS } from "@/lib/domain/emotion-labels";
import { curvesWindowQuery } from "../analysis/analysis-queries";
import { formatPercent } from "../analysis/analysis-text";
import { EMOTION_COLORS } from "../analysis/emotion-colors";
import type { AnalysisView } from "../api-types";
import { paintCurves } from "./curve-painter";
import { type CurveSeries, scoresAt, smoothSeries, toCurveSeries, topIndex } from "./curve-series";
import { curveRequestFor, curvesCoverView } from "./curve-window";
import styles from "./editor.module.css";
import type { CurveMode } from "./editor-preferences";
import { formatClock } from "./time-format";
import type { TimelineSource } from "./timeline-source";
import { timeAtPointer, useLaneDrawing } from "./use-lane-drawing";

/** While the view keeps moving, wait this long before asking for the new window. */
const REFETCH_DELAY_MS = 120;
const COLORS = CANONICAL_LABELS.map((label) => EMOTION_COLORS[label]);

export interface EmotionLaneProps {
  recordingId: string;
  analysis: AnalysisView;
  source: TimelineSource | null;
  mode: CurveMode;
  shown: readonly boolean[];
  band: boolean;
  smoothing: number;
  height: number;
  uncalibrated: boolean;
  testId: string;
  /** Called once the first curves are drawn, or when they cannot be. */
  onSettled?: () => void;
}

/**
 * One model's frame curves under the waveform, for the visible window at
 * about a bucket per pixel (an hour opens with one screen of buckets, not
 * 180,000 frames). Scrolls, zooms and shares the playhead with the
 * waveform; hover shows the nine scores at a time, a click seeks there.
 */
export function EmotionLane(props: EmotionLaneProps) {
  const { recordingId, analysis, source, mode, shown, band, smoothing, height, uncalibrated, testId, onSettled } = props;
  const queryClient = useQueryClient();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const hoverLineRef = useRef<HTMLDivElement>(null);
  const [series, setSeries] = useState<CurveSeries | null>(null);
  // The first answer is kept under the later windows, so zooming out shows coarse curves at once rather than nothing.
  const [overview, setOverview] = useState<CurveSeries | null>(null);
  const [error, setError] = useState<string | null>(null);
  const smoothed = useMemo(() => (series ? smoothSeries(series, smoothing) : null), [series, smoothing]);
  const smoothedOverview = useMemo(() => (overview && overview !== series ? smoothSeries(overview, smoothing) : null), [overview, series, smoothing]);
  const settled = useRef(onSettled);
  useEffect(() => {
    settled.current = onSettled;
  });

  const draw = useCallback(
    (context: CanvasRenderingContext2D, view: Parameters<typeof paintCurves>[2], size: Parameters<typeof paintCurves>[3]) => {
      const options = { mode, shown, band: band && mode === "lines", colors: COLORS, gridColor: "rgba(128,128,128,0.18)" };
      if (!smoothedOverview || !smoothed) {
        paintCurves(context, smoothed, view, size, options);
        return;
      }
      paintCurves(context, smoothedOverview, view, size, options);
      paintCurves(context, smoothed, view, size, { ...options, clip: { from: smoothed.from, to: smoothed.to } });
    },
    [smoothed, smoothedOverview, mode, shown, band],
  );
  useLaneDrawing(source, canvasRef, height, draw);

  // Fetch the window the view needs when what is held no longer covers it.
  const held = useRef<CurveSeries | null>(null);
  useEffect(() => {
    if (!source) return;
    held.current = null;
    let latestKey = "";
    let timer: ReturnType<typeof setTimeout> | null = null;
    let alive = true;
    const load = () => {
      const view = source.getView();
      if (!view) return;
      const have = held.current;
      if (have && curvesCoverView(have, view)) return;
      const request = curveRequestFor(view);
      const key = `${request.from}:${request.to}:${request.pixels}`;
      if (key === latestKey) return;
      latestKey = key;
      queryClient.fetchQuery(curvesWindowQuery(recordingId, analysis, request)).then(
        (json) => {
          if (!alive || (key !== latestKey && held.current)) return;
          const next = toCurveSeries(json);
          if (!held.current) setOverview(next);
          held.current = next;
          setSeries(next);
          setError(null);
          settled.current?.();
        },
        (failure: unknown) => {
          if (!alive || key !== latestKey) return;
          latestKey = "";
          setError(failure instanceof Error ? failure.message : String(failure));
          settled.current?.();
        },
      );
    };
    const onView = () => {
      if (timer) clearTimeout(timer);
      if (!held.current) load();
      else timer = setTimeout(load, REFETCH_DELAY_MS);
    };
    const unsubscribe = source.subscribeView(onView);
    load();
    return () => {
      alive = false;
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [source, queryClient, recordingId, analysis]);

  const onPointerMove = (event: React.PointerEvent<HTMLDivElement>) => {
    const body = bodyRef.current;
    const tooltip = tooltipRef.current;
    const line = hoverLineRef.current;
    if (!source || !body || !tooltip || !line) return;
    const at = timeAtPointer(source, body, event.clientX);
    const scores = at ? ((smoothed && scoresAt(smoothed, at.seconds)) ?? (smoothedOverview && scoresAt(smoothedOverview, at.seconds))) : null;
    if (!at || !scores) {
      tooltip.hidden = true;
      line.hidden = true;
      return;
    }
    line.hidden = false;
    line.style.transform = `translateX(${at.x}px)`;
    fillTooltip(tooltip, at.seconds, scores, shown);
    tooltip.hidden = false;
    // Fixed to the viewport, so the lane's clipping never cuts it; flipped to stay on screen.
    const box = body.getBoundingClientRect();
    const left = event.clientX + 14 + tooltip.offsetWidth > window.innerWidth ? event.clientX - 14 - tooltip.offsetWidth : event.clientX + 14;
    const top = Math.min(window.innerHeight - tooltip.offsetHeight - 4, box.top);
    tooltip.style.transform = `translate(${Math.max(0, left)}px, ${Math.max(0, top)}px)`;
  };
  const onPointerLeave = () => {
    if (tooltipRef.current) tooltipRef.current.hidden = true;
    if (hoverLineRef.current) hoverLineRef.current.hidden = true;
  };
  const onClick = (event: React.MouseEvent<HTMLDivElement>) => {
    const body = bodyRef.current;
    if (!source || !body) return;
    const at = timeAtPointer(source, body, event.clientX);
    if (at) source.seekTo(at.seconds);
  };

  const state = error ? "error" : series ? "ready" : "loading";
  return (
    <section className={styles.lane} aria-label={`Emotion curves: ${analysis.model.name}`} data-testid={testId} data-model={analysis.model.key} data-state={state}>
      <div className={styles.laneLabel}>
        <span>
          {analysis.model.name} · {mode === "stacked" ? "stacked" : "lines"}
          {series?.perFrame ? " · per frame" : ""}
          {state === "loading" ? " · loading…" : ""}
        </span>
        {uncalibrated && analysis.frameRate && (
          <span className={styles.note} role="note" data-testid="uncalibrated-note">
            Frame scores apply the utterance classifier to each {Math.round(1000 / analysis.frameRate)} ms frame; they are not calibrated probabilities.
          </span>
        )}
        {error && (
          <span className={styles.laneError} role="alert">
            {error}
          </span>
        )}
      </div>
      <div ref={bodyRef} className={styles.laneBody} style={{ height }} onPointerMove={onPointerMove} onPointerLeave={onPointerLeave} onClick={onClick}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={`Frame curves of ${shown.filter(Boolean).length} emotion classes by ${analysis.model.name}; hover for the scores at a time, click to seek`}
        />
        <div ref={hoverLineRef} className={styles.hoverLine} hidden />
        <div ref={tooltipRef} className={styles.tooltip} role="tooltip" data-testid={`${testId}-tooltip`} hidden />
      </div>
    </section>
  );
}

/** Time, top emotion, and the nine scores (top first), written as text nodes: no markup from data. */
function fillTooltip(tooltip: HTMLElement, seconds: number, scores: readonly number[], shown: readonly boolean[]): void {
  const top = topIndex(scores);
  const rows = CANONICAL_LABELS.map((label, index) => ({ label, index, score: scores[index] ?? 0 })).sort((a, b) => b.score - a.score);
  const heading = document.createElement("div");
  heading.className = styles.tooltipHeading!;
  heading.textContent = `${formatClock(seconds, 2)} · ${CANONICAL_LABELS[top] ?? "–"} ${formatPercent(scores[top] ?? Number.NaN)}`;
  const list = document.createElement("dl");
  for (const row of rows) {
    const term = document.createElement("dt");
    const swatch = document.createElement("span");
    swatch.className = styles.swatch!;
    swatch.style.background = EMOTION_COLORS[row.label];
    term.append(swatch, row.label);
    if (!shown[row.index]) term.className = styles.hiddenClass!;
    const value = document.createElement("dd");
    value.textContent = formatPercent(row.score);
    list.append(term, value);
  }
  tooltip.replaceChildren(heading, list);
}
