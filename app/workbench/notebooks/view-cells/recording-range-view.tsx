"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { CANONICAL_LABELS } from "@/lib/domain/emotion-labels";
import type { NotebookViewSpec } from "@/lib/domain/notebook/notebook-cell";
import { isUncalibrated } from "../../analysis/analysis-controls";
import { modelsQuery, recordingAnalysesQuery } from "../../analysis/analysis-queries";
import { defaultModel } from "../../analysis/default-model";
import { EMOTION_COLORS } from "../../analysis/emotion-colors";
import { recordingSummaryQuery } from "../../editor/editor-queries";
import { EmotionLane } from "../../editor/emotion-lane";
import { LanesPlayhead } from "../../editor/lanes-playhead";
import { TimeAxis } from "../../editor/time-axis";
import { recordingAudioUrl } from "../../recordings/recording-queries";
import { hitTitle } from "../../search/search-hit-text";
import { RangeTimeline, type TimeRange } from "./range-timeline";
import { RangeWaveformLane } from "./range-waveform-lane";
import { ViewCellFrame, ViewCellMessage, type ViewCellState } from "./view-cell-frame";
import { failureOf, formatRange, formatSeconds, viewErrorMessage, viewHeading } from "./view-cell-text";
import styles from "./view-cells.module.css";

const WAVEFORM_HEIGHT = 80;
const CURVES_HEIGHT = 120;
const ALL_SHOWN = CANONICAL_LABELS.map(() => true);

type RecordingView = Extract<NotebookViewSpec, { kind: "recording" }>;

/**
 * A recording's waveform and its nine emotion curves over exactly the
 * pinned range, with Play/Pause of that range: the editor's curve lane,
 * time axis and playhead on a fixed time axis (RangeTimeline) instead of
 * the scrolling waveform. The curves are the default model's, as the editor
 * opens with.
 */
export function RecordingRangeView({ view, onOpen }: { view: RecordingView; onOpen?: () => void }) {
  const summary = useQuery(recordingSummaryQuery(view.recordingId));
  const recording = summary.data;
  const heading = viewHeading(view, recording ? { recording: hitTitle({ name: recording.originalName, trackIndex: recording.trackIndex }) } : {});
  const duration = recording?.durationSeconds;

  if (summary.isError) {
    return (
      <ViewCellFrame kind="recording" heading={heading} state="error" onOpen={onOpen}>
        <ViewCellMessage kind="alert">{viewErrorMessage(view, failureOf(summary.error))}</ViewCellMessage>
      </ViewCellFrame>
    );
  }
  if (duration === undefined) {
    return (
      <ViewCellFrame kind="recording" heading={heading} state="loading" onOpen={onOpen}>
        <ViewCellMessage kind="status">Loading the recording…</ViewCellMessage>
      </ViewCellFrame>
    );
  }
  if (!(view.startSeconds < duration) || !(view.endSeconds > view.startSeconds)) {
    return (
      <ViewCellFrame kind="recording" heading={heading} state="error" onOpen={onOpen}>
        <ViewCellMessage kind="alert">
          The range {formatRange(view.startSeconds, view.endSeconds)} lies outside the recording, which is {formatSeconds(duration)} s long.
        </ViewCellMessage>
      </ViewCellFrame>
    );
  }
  return <RangeBody view={view} heading={heading} durationSeconds={duration} onOpen={onOpen} />;
}

function RangeBody({ view, heading, durationSeconds, onOpen }: { view: RecordingView; heading: string; durationSeconds: number; onOpen?: () => void }) {
  const { recordingId } = view;
  // A range pinned past the end (the file was re-imported shorter) shows what is left of it.
  const endSeconds = Math.min(view.endSeconds, durationSeconds);
  const range = useMemo<TimeRange>(() => ({ startSeconds: view.startSeconds, endSeconds }), [view.startSeconds, endSeconds]);
  const [timeline, setTimeline] = useState<RangeTimeline | null>(null);
  const [playError, setPlayError] = useState<string | null>(null);
  useEffect(() => {
    const made = new RangeTimeline({ range, durationSeconds, mediaUrl: recordingAudioUrl(recordingId), onError: setPlayError });
    setTimeline(made);
    return () => {
      made.destroy();
      setTimeline(null);
    };
  }, [recordingId, range, durationSeconds]);

  const timelineRef = useRef<HTMLDivElement>(null);
  const [pixels, setPixels] = useState(0);
  useEffect(() => {
    const element = timelineRef.current;
    if (!element || !timeline) return;
    const measure = () => {
      // The lanes' canvases sit inside 1 px borders.
      const width = Math.max(0, element.clientWidth - 2);
      timeline.setWidth(width);
      setPixels(Math.round(width * (window.devicePixelRatio || 1)));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => observer.disconnect();
  }, [timeline]);

  const [playing, setPlaying] = useState(false);
  useEffect(() => timeline?.subscribePlaying(setPlaying), [timeline]);

  const models = useQuery(modelsQuery());
  const analyses = useQuery(recordingAnalysesQuery(recordingId));
  const whole = useMemo(() => (analyses.data ?? []).filter((entry) => entry.rangeKey === ""), [analyses.data]);
  const modelId = defaultModel(models.data, whole);
  const primary = whole.find((entry) => entry.model.key === modelId) ?? null;
  const hasFrames = primary !== null && (primary.frameCount ?? 0) > 0;

  const [waveform, setWaveform] = useState<{ settled: boolean; error: string | null }>({ settled: false, error: null });
  const [curvesSettled, setCurvesSettled] = useState(false);
  const analysesSettled = analyses.isSuccess || analyses.isError;
  let state: ViewCellState = "loading";
  if (waveform.error) state = "error";
  else if (waveform.settled && analysesSettled && (!hasFrames || curvesSettled)) state = "ready";

  const rangeText = formatRange(range.startSeconds, range.endSeconds);
  const play = (
    <button type="button" className="button" onClick={() => timeline?.playPause()} disabled={!timeline} aria-label={playing ? `Pause ${rangeText}` : `Play ${rangeText}`}>
      {playing ? "Pause" : "Play"}
    </button>
  );

  return (
    <ViewCellFrame kind="recording" heading={heading} state={state} onOpen={onOpen} actions={play}>
      <div className={styles.recording}>
        {endSeconds < view.endSeconds && (
          <p className={styles.notice}>
            The recording is only {formatSeconds(durationSeconds)} s long: showing {rangeText} of the pinned {formatRange(view.startSeconds, view.endSeconds)}.
          </p>
        )}
        {waveform.error && <ViewCellMessage kind="alert">Cannot load the waveform of {rangeText}: {waveform.error}</ViewCellMessage>}
        {playError && <ViewCellMessage kind="alert">{playError}</ViewCellMessage>}
        <div ref={timelineRef} className={styles.timeline}>
          <RangeWaveformLane
            recordingId={recordingId}
            range={range}
            source={timeline}
            pixels={pixels}
            height={WAVEFORM_HEIGHT}
            label={`Waveform of ${heading}; click to move the playhead`}
            onSettled={(error) => setWaveform({ settled: true, error })}
          />
          <TimeAxis source={timeline} />
          {hasFrames && primary && (
            <EmotionLane
              key={primary.id}
              recordingId={recordingId}
              analysis={primary}
              source={timeline}
              mode="lines"
              shown={ALL_SHOWN}
              band={false}
              smoothing={0}
              height={CURVES_HEIGHT}
              uncalibrated={isUncalibrated(models.data, primary)}
              testId="view-curves"
              onSettled={() => setCurvesSettled(true)}
            />
          )}
          <LanesPlayhead source={timeline} />
        </div>
        {analyses.isError && <ViewCellMessage kind="alert">Cannot load the recording&apos;s analyses: {analyses.error.message}</ViewCellMessage>}
        {analyses.isSuccess && !primary && <p className={styles.notice}>Not analysed yet: analyse the recording in the editor to see its emotion curves here.</p>}
        {primary && !hasFrames && <p className={styles.notice}>{primary.model.name} left utterance scores only (no frame curves) for this recording.</p>}
        {hasFrames && <CurveLegend />}
      </div>
    </ViewCellFrame>
  );
}

function CurveLegend() {
  return (
    <ul className={styles.curveLegend} aria-label="Emotion classes">
      {CANONICAL_LABELS.map((label) => (
        <li key={label}>
          <span className={styles.swatch} style={{ background: EMOTION_COLORS[label] }} aria-hidden="true" />
          {label}
        </li>
      ))}
    </ul>
  );
}
