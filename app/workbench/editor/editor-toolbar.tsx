"use client";

import { useEffect, useRef } from "react";
import { useKeybindingLabel } from "../commands/commands-provider";
import { CommandButton } from "./command-button";
import { useContextMenu } from "../shell/context-menu";
import styles from "./editor.module.css";
import type { EditorPreferences } from "./editor-preferences";
import { keepArrowsInSlider } from "./emotion-legend";
import { PLAYBACK_RATES } from "./editor-preferences";
import { formatClock } from "./time-format";
import type { WaveformController } from "./waveform-controller";

export interface ToolbarState {
  playing: boolean;
  rate: number;
  loop: boolean;
  /** null: all channels. */
  channel: number | null;
  channels: number;
  hasReference: boolean;
}

/**
 * Playback, zoom and view controls. Every button runs its command; the time
 * and zoom read-outs are written straight into the DOM from the waveform's
 * events, so playback and wheel zoom never re-render the toolbar.
 */
export function EditorToolbar({
  controller,
  durationSeconds,
  state,
  preferences,
  onRate,
  onChannel,
}: {
  controller: WaveformController | null;
  durationSeconds: number;
  state: ToolbarState;
  preferences: EditorPreferences;
  onRate: (rate: number) => void;
  onChannel: (channel: number | null) => void;
}) {
  const timeRef = useRef<HTMLSpanElement>(null);
  const zoomRef = useRef<HTMLSpanElement>(null);
  const rateKeys = [useKeybindingLabel("editor.slower"), useKeybindingLabel("editor.faster")].filter(Boolean).join(" / ");

  useEffect(() => {
    if (!controller) return;
    let frame: number | null = null;
    const write = () => {
      frame = null;
      if (timeRef.current) timeRef.current.textContent = `${formatClock(controller.getCurrentTime(), 2)} / ${formatClock(durationSeconds, 2)}`;
      if (zoomRef.current) zoomRef.current.textContent = controller.isFitted() ? "fit" : `${formatZoom(controller.pixelsPerSecond())} px/s`;
    };
    const schedule = () => {
      if (frame === null) frame = requestAnimationFrame(write);
    };
    const unsubscribeTime = controller.subscribeTime(schedule);
    const unsubscribeView = controller.subscribeView(schedule);
    schedule();
    return () => {
      unsubscribeTime();
      unsubscribeView();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [controller, durationSeconds]);

  // Every editor command that placed itself in the editor's title menu, from the registry.
  const moreActions = useContextMenu("editor/title");

  return (
    <div className={styles.toolbar} role="group" aria-label="Playback, zoom and view" data-testid="editor-toolbar">
      <div className={styles.toolGroup} role="group" aria-label="Playback">
        <CommandButton command="editor.seekBack" label="Seek back" testId="seek-back">
          «
        </CommandButton>
        <CommandButton command="editor.playPause" label={state.playing ? "Pause" : "Play"} testId="play-button">
          {state.playing ? "❚❚" : "▶"}
        </CommandButton>
        <CommandButton command="editor.seekForward" label="Seek forward" testId="seek-forward">
          »
        </CommandButton>
        <CommandButton command="editor.toggleLoop" label="Loop the selected region" pressed={state.loop} testId="loop-button">
          ⟲
        </CommandButton>
        <span ref={timeRef} className={styles.readout} data-testid="editor-time" aria-live="off" />
      </div>
      <div className={styles.toolGroup} role="group" aria-label="Playback rate">
        <label className={styles.inlineControl} title={rateKeys ? `Playback rate, pitch kept (${rateKeys})` : "Playback rate, pitch kept"}>
          Rate
          <input
            type="range"
            min={PLAYBACK_RATES.min}
            max={PLAYBACK_RATES.max}
            step={0.05}
            value={state.rate}
            data-testid="rate-control"
            onChange={(event) => onRate(Number(event.target.value))}
            onKeyDown={keepArrowsInSlider}
          />
          <output data-testid="rate-value">{formatRate(state.rate)}×</output>
        </label>
        {state.channels > 1 && (
          <label className={styles.inlineControl}>
            Listen to
            <select
              value={state.channel === null ? "all" : String(state.channel)}
              data-testid="channel-select"
              onChange={(event) => onChannel(event.target.value === "all" ? null : Number(event.target.value))}
            >
              <option value="all">all channels</option>
              {Array.from({ length: state.channels }, (_, channel) => (
                <option key={channel} value={channel}>
                  channel {channel + 1} only
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className={styles.toolGroup} role="group" aria-label="Zoom" data-testid="zoom-controls">
        <CommandButton command="editor.zoomOut" label="Zoom out" testId="zoom-out">
          −
        </CommandButton>
        <CommandButton command="editor.zoomIn" label="Zoom in" testId="zoom-in">
          +
        </CommandButton>
        <CommandButton command="editor.zoomToFit" label="Zoom to fit" testId="zoom-fit">
          Fit
        </CommandButton>
        <CommandButton command="editor.zoomToFrames" label="Zoom to 20 ms frames" testId="zoom-frames">
          Frames
        </CommandButton>
        <span ref={zoomRef} className={styles.readout} data-testid="zoom-level" />
      </div>
      <div className={styles.toolGroup} role="group" aria-label="View">
        <CommandButton command="editor.shorter" label="Shorter waveform" testId="waveform-shorter">
          ↥
        </CommandButton>
        <CommandButton command="editor.taller" label="Taller waveform" testId="waveform-taller">
          ↧
        </CommandButton>
        <CommandButton command="editor.toggleAmplitudeScale" label="Amplitude in dB" pressed={preferences.amplitude === "db"} testId="amplitude-db">
          dB
        </CommandButton>
        <CommandButton command="editor.toggleSpectrogram" label="Spectrogram" pressed={preferences.showSpectrogram} testId="toggle-spectrogram">
          Spectrogram
        </CommandButton>
        <CommandButton command="editor.toggleCurves" label="Emotion curves" pressed={preferences.showCurves} testId="toggle-curves">
          Curves
        </CommandButton>
        {state.hasReference && (
          <CommandButton command="editor.toggleReference" label="Reference labels" pressed={preferences.showReference} testId="toggle-reference">
            Reference
          </CommandButton>
        )}
      </div>
      <div className={styles.toolGroup}>
        <button
          type="button"
          aria-haspopup="menu"
          title="More actions (Shift+F10)"
          aria-label="More actions"
          data-testid="editor-more-actions"
          onClick={(event) => moreActions.onContextMenu(event)}
          onKeyDown={moreActions.onKeyDown}
        >
          ⋯
        </button>
        {moreActions.element}
      </div>
    </div>
  );
}

function formatRate(rate: number): string {
  return rate.toFixed(2).replace(/0$/, "");
}

function formatZoom(pixelsPerSecond: number): string {
  return pixelsPerSecond >= 10 ? String(Math.round(pixelsPerSecond)) : pixelsPerSecond.toFixed(2);
}
