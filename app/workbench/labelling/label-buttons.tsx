"use client";

import { CANONICAL_LABELS } from "@/lib/domain/emotion-labels";
import { formatSpan } from "@/lib/domain/label-edit-title";
import { EMOTION_COLORS } from "../analysis/emotion-colors";
import { useKeybindingLabel } from "../commands/commands-provider";
import { LabelCommandButton } from "./label-command-button";
import styles from "./labelling.module.css";
import { assignCommandId } from "./labelling-commands";
import type { Labelling } from "./use-labelling";

/** The nine labels with their keys, and what else acts on the current target (model, clear, note, delete, target switch). */
export function LabelButtons({ labelling }: { labelling: Labelling }) {
  const { target, state } = labelling;
  const targetText = target.kind === "region" ? `region ${formatSpan(target.region)}` : "the whole recording";
  const current = target.kind === "region" ? (target.region.label?.emotion ?? null) : (state?.recordingLabel?.emotion ?? null);
  const loaded = state !== undefined;
  // An annotator's chips give their own annotation; the rest set final labels, which their role does not allow.
  const final = labelling.mode === "final";
  return (
    <div className={styles.block}>
      <div className={styles.targetLine}>
        <span>
          Labelling <strong data-testid="label-target">{targetText}</strong>
        </span>
        <LabelCommandButton
          command="label.labelRecording"
          title={target.kind === "region" ? "Label the whole recording instead" : "Label the selected region instead"}
          className={styles.smallButton}
          disabled={!labelling.selectedRegion}
          pressed={labelling.selectedRegion !== null && target.kind === "recording"}
          testId="label-target-toggle"
        >
          Whole recording
        </LabelCommandButton>
      </div>
      <div className={styles.chips} role="group" aria-label={`Label ${targetText}`}>
        {CANONICAL_LABELS.map((emotion) => (
          <LabelChip key={emotion} emotion={emotion} targetText={targetText} pressed={current === emotion} disabled={!loaded || labelling.mode === "read-only"} />
        ))}
      </div>
      <div className={styles.actions}>
        <LabelCommandButton command="label.acceptModel" title={`Accept the model's label for ${targetText}`} className={styles.smallButton} disabled={!loaded || !final} testId="label-accept-model">
          Accept model
        </LabelCommandButton>
        <LabelCommandButton command="label.clear" title={`Clear the label of ${targetText}`} className={styles.smallButton} disabled={!loaded || !final || current === null} testId="label-clear">
          Clear
        </LabelCommandButton>
        <LabelCommandButton command="label.editNote" title={`Edit the note of ${targetText}`} className={styles.smallButton} disabled={!loaded || !final} testId="label-edit-note">
          Note…
        </LabelCommandButton>
        <LabelCommandButton
          command="label.deleteRegion"
          title={labelling.selectedRegion ? `Delete region ${formatSpan(labelling.selectedRegion)}` : "Delete the selected region"}
          className={styles.smallButton}
          disabled={!labelling.selectedRegion || !final}
          testId="label-delete-region"
        >
          Delete region
        </LabelCommandButton>
      </div>
    </div>
  );
}

function LabelChip({ emotion, targetText, pressed, disabled }: { emotion: (typeof CANONICAL_LABELS)[number]; targetText: string; pressed: boolean; disabled: boolean }) {
  const command = assignCommandId(emotion);
  const key = useKeybindingLabel(command);
  return (
    <LabelCommandButton
      command={command}
      title={`Label ${targetText} as ${emotion}`}
      className={styles.chip}
      pressed={pressed}
      disabled={disabled}
      testId="label-button"
      extra={{ "data-emotion": emotion }}
    >
      <span className={styles.swatch} style={{ background: EMOTION_COLORS[emotion] }} aria-hidden="true" />
      <span className={styles.chipName}>{emotion}</span>
      {key && (
        <kbd className={styles.kbd} aria-hidden="true">
          {key}
        </kbd>
      )}
    </LabelCommandButton>
  );
}
