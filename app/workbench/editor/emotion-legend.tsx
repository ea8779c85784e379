"use client";

import { CANONICAL_LABELS, type CanonicalLabel } from "@/lib/domain/emotion-labels";
import { EMOTION_COLORS } from "../analysis/emotion-colors";
import { useCommands, useKeybindingLabel } from "../commands/commands-provider";
import { CommandButton } from "./command-button";
import styles from "./editor.module.css";
import { type EditorPreferences, SMOOTHING_MAX } from "./editor-preferences";

/**
 * The curves' legend and style: each class toggles its curve (through its
 * command), lines or stacked areas, the min–max band, and smoothing.
 */
export function EmotionLegend({ preferences, onSmoothing }: { preferences: EditorPreferences; onSmoothing: (radius: number) => void }) {
  const { run } = useCommands();
  const smoothKeys = [useKeybindingLabel("editor.smoothLess"), useKeybindingLabel("editor.smoothMore")].filter(Boolean).join(" / ");
  const hidden = new Set<CanonicalLabel>(preferences.hiddenClasses);
  return (
    <div className={styles.legendRow}>
      <div className={styles.legend} role="group" aria-label="Classes shown" data-testid="curves-legend">
        {CANONICAL_LABELS.map((label) => (
          <button
            key={label}
            type="button"
            aria-pressed={!hidden.has(label)}
            data-testid={`legend-${label}`}
            title={`Show or hide the ${label} curve`}
            onClick={() => void run(`editor.toggleClass.${label}`)}
          >
            <span className={styles.swatch} style={{ background: EMOTION_COLORS[label] }} />
            {label}
          </button>
        ))}
      </div>
      <div className={styles.curveControls}>
        <CommandButton command="editor.toggleCurveMode" label={preferences.curveMode === "lines" ? "Stacked areas" : "Lines"} testId="curve-mode">
          {preferences.curveMode === "lines" ? "Stacked" : "Lines"}
        </CommandButton>
        <CommandButton
          command="editor.toggleConfidenceBand"
          label="Min–max band"
          pressed={preferences.confidenceBand}
          disabled={preferences.curveMode !== "lines"}
          testId="confidence-band"
        >
          Band
        </CommandButton>
        <label className={styles.inlineControl} title={smoothKeys ? `Moving average over buckets (${smoothKeys})` : "Moving average over buckets"}>
          Smoothing
          <input
            type="range"
            min={0}
            max={SMOOTHING_MAX}
            step={1}
            value={preferences.smoothing}
            data-testid="smoothing"
            onChange={(event) => onSmoothing(Number(event.target.value))}
            onKeyDown={keepArrowsInSlider}
          />
          <output>{preferences.smoothing === 0 ? "off" : `±${preferences.smoothing}`}</output>
        </label>
      </div>
    </div>
  );
}

/** Arrow keys move the slider, not the playhead (the workbench's key dispatcher listens on window). */
export function keepArrowsInSlider(event: React.KeyboardEvent<HTMLInputElement>): void {
  if (["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"].includes(event.key)) event.stopPropagation();
}
