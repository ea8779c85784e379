"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { CANONICAL_LABELS } from "@/lib/domain/emotion-labels";
import { AnalysisControls, AnalysisRunLine, isUncalibrated, useAnalyseRecording } from "../analysis/analysis-controls";
import { defaultModel } from "../analysis/default-model";
import { curvesWindowQuery, modelsQuery, recordingAnalysesQuery } from "../analysis/analysis-queries";
import { useCommands, useKeybindingLabel } from "../commands/commands-provider";
import { LabellingSidebar } from "../labelling/labelling-sidebar";
import { useLabelling } from "../labelling/use-labelling";
import { recordingAudioUrl } from "../recordings/recording-queries";
import { WorkbenchNavigationContext } from "../shell/workbench-navigation";
import { ChannelPlayer } from "./channel-player";
import { curveRequestFor } from "./curve-window";
import { editorCommands } from "./editor-commands";
import { EditorHeader } from "./editor-header";
import styles from "./editor.module.css";
import { basePeaksQuery, fetchPeaksWindow, recordingPermissionsQuery, recordingSummaryQuery } from "./editor-queries";
import { EditorToolbar } from "./editor-toolbar";
import { EmotionLane } from "./emotion-lane";
import { EmotionLegend } from "./emotion-legend";
import { EmotionSummary } from "./emotion-summary";
import { LanesPlayhead } from "./lanes-playhead";
import { ReferenceLane } from "./reference-lane";
import { SpectrogramLane } from "./spectrogram-lane";
import { TimeAxis } from "./time-axis";
import { parseTruthSpans, TRUTH_SPANS_KEY } from "./truth-spans";
import { useEditorActions } from "./use-editor-actions";
import { useEditorCommands } from "./use-editor-commands";
import { useEditorContextKeys } from "./use-editor-context-keys";
import { useEditorPreferences } from "./use-editor-preferences";
import { useTimelineWheel } from "./use-timeline-wheel";
import { useWavesurfer } from "./use-wavesurfer";
import { peaksDurationSeconds } from "./waveform-peaks";

const LANE_HEIGHT = { spectrogram: 96, curves: 120, reference: 22 } as const;

export interface RecordingEditorProps {
  recordingId: string;
  title: string;
  isActive: boolean;
  atSeconds?: number;
}

/**
 * The recording editor: waveform with playback and zoom, and under it on
 * the same time axis the spectrogram, one or two models' emotion curves and
 * the corpus's reference labels; the WebUI-style summary for the recording
 * and the selected region; the Analyse flow; labelling beside it. Mounted
 * only while its tab is active; data-ready="true" once the waveform and the
 * curves have drawn.
 */
export function RecordingEditor({ recordingId, title, isActive, atSeconds }: RecordingEditorProps) {
  const { output } = useCommands();
  const summary = useQuery(recordingSummaryQuery(recordingId));
  const peaks = useQuery(basePeaksQuery(recordingId));
  const models = useQuery(modelsQuery());
  const analyses = useQuery(recordingAnalysesQuery(recordingId));
  // Annotators and viewers may not run analyses: Analyse is not offered to them (the picker still chooses the curves shown).
  const mayAnalyse = useQuery(recordingPermissionsQuery(recordingId)).data?.analyse !== false;
  const { preferences, loaded, update, rememberZoom } = useEditorPreferences();
  const analysis = useAnalyseRecording(recordingId);
  const duration = peaks.data ? peaksDurationSeconds(peaks.data) : (summary.data?.durationSeconds ?? 0);

  const [picked, setPicked] = useState<string | null>(null);
  const [compareKey, setCompareKey] = useState<string | null>(null);
  const whole = useMemo(() => (analyses.data ?? []).filter((entry) => entry.rangeKey === ""), [analyses.data]);
  const modelId = picked ?? defaultModel(models.data, whole);
  const primary = whole.find((entry) => entry.model.key === modelId) ?? null;
  const comparable = whole.filter((entry, index) => entry.model.key !== modelId && (entry.frameCount ?? 0) > 0 && whole.findIndex((other) => other.model.key === entry.model.key) === index);
  const compare = comparable.find((entry) => entry.model.key === compareKey) ?? null;
  const compareRef = useRef<HTMLSelectElement>(null);

  const waveformRef = useRef<HTMLDivElement>(null);
  const minimapRef = useRef<HTMLDivElement>(null);
  const timelineRef = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  const [curvesSettled, setCurvesSettled] = useState(false);
  const report = useCallback((message: string) => output.append("error", "editor", `${title}: ${message}`), [output, title]);
  const controller = useWavesurfer({
    containerRef: waveformRef,
    minimapRef,
    mediaUrl: recordingAudioUrl(recordingId),
    base: loaded ? peaks.data : undefined,
    durationSeconds: duration,
    height: preferences.waveformHeight,
    amplitude: preferences.amplitude,
    pixelsPerSecond: preferences.pixelsPerSecond,
    fetchPeaks: (range, pps, signal) => fetchPeaksWindow(recordingId, range, pps, signal),
    onZoom: rememberZoom,
    onFirstDraw: () => setDrawn(true),
    onError: report,
  });
  useEffect(() => controller?.setHeight(preferences.waveformHeight), [controller, preferences.waveformHeight]);
  useEffect(() => controller?.setAmplitude(preferences.amplitude), [controller, preferences.amplitude]);
  useTimelineWheel(timelineRef, controller);

  const labelling = useLabelling({ recordingId, durationSeconds: duration, wavesurfer: controller?.wavesurfer ?? null, regions: controller?.regions ?? null });
  const region = labelling.selectedRegion;

  const [playing, setPlaying] = useState(false);
  const [rate, setRate] = useState(1);
  const [loop, setLoop] = useState(false);
  const [channel, setChannel] = useState<number | null>(null);
  const channelPlayer = useRef<ChannelPlayer | null>(null);
  const channels = summary.data?.channels ?? 1;
  useEffect(() => {
    if (!controller) return;
    const ws = controller.wavesurfer;
    const unsubscribe = [ws.on("play", () => setPlaying(true)), ws.on("pause", () => setPlaying(false)), ws.on("finish", () => setPlaying(false))];
    return () => {
      unsubscribe.forEach((stop) => stop());
      channelPlayer.current?.destroy();
      channelPlayer.current = null;
    };
  }, [controller]);
  useEffect(() => {
    if (loaded) setRate(preferences.playbackRate);
    // Only the remembered rate on load; later changes come from the controls.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);
  useEffect(() => controller?.wavesurfer.setPlaybackRate(rate, true), [controller, rate]);
  useEffect(() => controller?.setLoop(loop && region ? { start: region.startSeconds, end: region.endSeconds } : null), [controller, loop, region]);

  const changeRate = useCallback(
    (next: number) => {
      setRate(next);
      update({ playbackRate: next });
    },
    [update],
  );
  const playChannel = useCallback(
    (next: number | null) => {
      const media = controller?.wavesurfer.getMediaElement();
      if (!media) return;
      channelPlayer.current ??= new ChannelPlayer(media, { analysis: recordingAudioUrl(recordingId), original: recordingAudioUrl(recordingId, "original") }, channels);
      setChannel(next);
      channelPlayer.current.select(next).catch((error: unknown) => report(`cannot play channel ${next === null ? "mix" : next + 1}: ${error instanceof Error ? error.message : String(error)}`));
    },
    [controller, recordingId, channels, report],
  );

  // Seek where the opener asked once the waveform is there.
  useEffect(() => {
    if (!controller || !drawn || atSeconds === undefined) return;
    controller.seekTo(atSeconds);
    const view = controller.getView();
    if (view && (atSeconds < view.startSeconds || atSeconds > view.startSeconds + view.widthPx / view.pixelsPerSecond)) {
      controller.wavesurfer.setScrollTime(Math.max(0, atSeconds - view.widthPx / view.pixelsPerSecond / 2));
    }
  }, [controller, drawn, atSeconds]);

  const spans = useMemo(() => parseTruthSpans(summary.data?.metadata[TRUTH_SPANS_KEY]), [summary.data]);
  const primaryHasFrames = primary !== null && (primary.frameCount ?? 0) > 0;
  const curvesExpected = preferences.showCurves && primaryHasFrames;
  // Ask for the opening window's curves as soon as the analysis and the duration are known, rather
  // than once wavesurfer has drawn: the lane's own request (the same window) then finds them cached.
  const queryClient = useQueryClient();
  const openingWidth = peaks.data ? (waveformRef.current?.clientWidth ?? 0) : 0;
  useEffect(() => {
    if (!curvesExpected || !primary || preferences.pixelsPerSecond !== null || !(openingWidth > 0) || !(duration > 0)) return;
    const fit = { startSeconds: 0, pixelsPerSecond: openingWidth / duration, widthPx: openingWidth, durationSeconds: duration };
    void queryClient.prefetchQuery(curvesWindowQuery(recordingId, primary, curveRequestFor(fit)));
  }, [queryClient, recordingId, primary, curvesExpected, preferences.pixelsPerSecond, openingWidth, duration]);
  const ready = drawn && (analyses.isSuccess || analyses.isError) && (!curvesExpected || curvesSettled);
  const shown = useMemo(() => CANONICAL_LABELS.map((label) => !preferences.hiddenClasses.includes(label)), [preferences.hiddenClasses]);
  // What the primary and the compared model's lanes share: the time axis, the classes shown and how curves are drawn.
  const laneSettings = {
    recordingId,
    source: controller,
    mode: preferences.curveMode,
    shown,
    band: preferences.confidenceBand,
    smoothing: preferences.smoothing,
    height: LANE_HEIGHT.curves,
  };

  const actions = useEditorActions({
    controller,
    rate,
    setRate: changeRate,
    toggleLoop: () => setLoop((on) => !on),
    playChannel,
    update,
    compareModel: () => {
      if (comparable.length === 0) output.append("info", "editor", `${title}: no other model has frame curves for this recording yet; analyse it with another model first.`);
      else compareRef.current?.focus();
    },
    stopComparing: () => setCompareKey(null),
    analyse: () => modelId && analysis.analyse(modelId, primary !== null),
    clearSelection: () => labelling.selectRegion(null),
  });
  const commandState = { channels, hasReference: spans !== null, comparing: compare !== null, loop, curveMode: preferences.curveMode, amplitude: preferences.amplitude };
  // With a split, each group's active tab is mounted; the commands act on the focused group's editor.
  const activeRecordingId = useContext(WorkbenchNavigationContext)?.activeRecordingId;
  const focusedEditor = isActive && (activeRecordingId == null || activeRecordingId === recordingId);
  const owns = useEditorCommands(() => editorCommands(actions, commandState), Object.values(commandState), focusedEditor);
  const [focused, setFocused] = useState(false);
  useEditorContextKeys({ owns, focused, controller, region, activeModel: primary?.model.name ?? modelId ?? null });
  const analyseKey = useKeybindingLabel("editor.analyse");

  return (
    <div
      className={styles.editor}
      data-testid="recording-editor"
      data-recording-id={recordingId}
      data-ready={ready ? "true" : "false"}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <EditorHeader title={title} recording={summary.data} durationSeconds={duration} />
      <EditorToolbar
        controller={controller}
        durationSeconds={duration}
        state={{ playing, rate, loop, channel, channels, hasReference: spans !== null }}
        preferences={preferences}
        onRate={changeRate}
        onChannel={playChannel}
      />
      <div className={styles.analysisBar} role="region" aria-label="Analysis">
        {models.isError && <p className="form-error">{models.error.message}</p>}
        {models.data && (
          <AnalysisControls
            canAnalyse={mayAnalyse}
            recordingId={recordingId}
            listing={models.data}
            modelId={modelId}
            latest={primary}
            onPick={setPicked}
            analysis={analysis}
            analyseTitle={analyseKey ? `Analyse (${analyseKey})` : "Analyse this recording with the chosen model"}
          />
        )}
        {comparable.length > 0 && (
          <label className={styles.inlineControl}>
            Compare with
            <select ref={compareRef} value={compare?.model.key ?? ""} data-testid="compare-model" onChange={(event) => setCompareKey(event.target.value || null)}>
              <option value="">no second model</option>
              {comparable.map((entry) => (
                <option key={entry.model.key} value={entry.model.key}>
                  {entry.model.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {primary && <AnalysisRunLine recordingId={recordingId} analysis={primary} />}
        {analyses.isError && <p className="form-error">{analyses.error.message}</p>}
      </div>
      <div className={styles.body}>
        <div className={styles.main}>
          <div ref={minimapRef} className={styles.minimap} data-testid="minimap" aria-hidden="true" />
          <div ref={timelineRef} className={styles.timeline}>
            <div
              ref={waveformRef}
              className={styles.waveform}
              data-testid="waveform"
              data-autofocus
              role="group"
              tabIndex={0}
              aria-label={`Waveform of ${title}: Space plays, arrows seek, + and − zoom`}
            />
            {peaks.isError && (
              <p role="alert" className="form-error">
                {peaks.error.message}
              </p>
            )}
            <TimeAxis source={controller} />
            <div className={styles.lanes}>
              {preferences.showSpectrogram && <SpectrogramLane recordingId={recordingId} source={controller} height={LANE_HEIGHT.spectrogram} enabled={ready} />}
              {preferences.showCurves && primary && primaryHasFrames && (
                <EmotionLane
                  key={primary.id}
                  {...laneSettings}
                  analysis={primary}
                  uncalibrated={isUncalibrated(models.data, primary)}
                  testId="curves-lane"
                  onSettled={() => setCurvesSettled(true)}
                />
              )}
              {preferences.showCurves && compare && (
                <EmotionLane
                  key={compare.id}
                  {...laneSettings}
                  analysis={compare}
                  uncalibrated={isUncalibrated(models.data, compare)}
                  testId="curves-lane-compare"
                />
              )}
              {preferences.showCurves && primary && !primaryHasFrames && (
                <p className="form-hint">{primary.model.name} left utterance scores only (no frame curves) for this recording.</p>
              )}
              {analyses.isSuccess && !primary && modelId && <p className="form-hint">Not analysed with {modelId} yet: Analyse draws its emotion curves here.</p>}
              {preferences.showReference && spans && <ReferenceLane spans={spans} source={controller} height={LANE_HEIGHT.reference} />}
              <LanesPlayhead source={controller} />
            </div>
          </div>
          {preferences.showCurves && primaryHasFrames && <EmotionLegend preferences={preferences} onSmoothing={(smoothing) => update({ smoothing })} />}
          <EmotionSummary recordingId={recordingId} analysis={primary} region={region} />
        </div>
        <div className={styles.sidebar}>
          <LabellingSidebar
            labelling={labelling}
            onSeek={(seconds, play) => {
              controller?.seekTo(seconds);
              if (play) void controller?.wavesurfer.play();
            }}
          />
        </div>
      </div>
    </div>
  );
}
