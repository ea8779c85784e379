"use client";

import type { LabelStatus, LabelView, RecordingLabelState } from "@/lib/domain/label-state";
import { EMOTION_COLORS } from "../analysis/emotion-colors";
import { AnnotationsPanel } from "./annotations-panel";
import { LabelCommandButton } from "./label-command-button";
import { LabelButtons } from "./label-buttons";
import { LabelHistoryList } from "./label-history-list";
import { labelModeLine } from "./label-mode";
import styles from "./labelling.module.css";
import { NoteDialog } from "./note-dialog";
import { RegionOptions } from "./region-options";
import { SegmentList } from "./segment-list";
import type { Labelling } from "./use-labelling";

const STATUS_TEXT: Record<LabelStatus, string> = {
  unlabelled: "Unlabelled",
  predicted: "Model only",
  in_progress: "In progress",
  labelled: "Labelled",
  reviewed: "Reviewed",
};

/**
 * The labelling side of a recording editor: the recording's label and
 * status, the label keys, the segment list, and the history of what is
 * selected. Every button runs a command, so it does what its key does.
 */
export function LabellingSidebar({ labelling, onSeek }: { labelling: Labelling; onSeek: (seconds: number, play: boolean) => void }) {
  const { state, message } = labelling;
  const modeLine = labelModeLine(labelling.mode, labelling.blinded);
  return (
    <aside className={styles.sidebar} aria-label="Labelling" data-testid="labelling-sidebar" aria-busy={labelling.saving}>
      {message && (
        <div
          className={message.kind === "error" ? styles.alert : styles.info}
          role={message.kind === "error" ? "alert" : "status"}
          data-testid="labelling-message"
          data-kind={message.kind}
        >
          <span>{message.text}</span>
          <button type="button" className={styles.dismiss} onClick={labelling.dismissMessage} aria-label="Dismiss message">
            ×
          </button>
        </div>
      )}
      {labelling.loadError && (
        <p className={styles.alert} role="alert" data-testid="labelling-load-error">
          Could not load the labels: {labelling.loadError}
        </p>
      )}
      {modeLine && (
        <p className={styles.info} data-testid="label-mode" data-mode={labelling.mode}>
          {modeLine}
        </p>
      )}
      {!state && !labelling.loadError && <p className={styles.empty}>Loading labels…</p>}
      {state && <RecordingSummary state={state} />}
      <div className={styles.toolbar}>
        <LabelCommandButton
          command="label.undo"
          title={state?.undoTitle ? `Undo: ${state.undoTitle}` : "Nothing to undo"}
          className={styles.smallButton}
          disabled={!state?.undoTitle || labelling.mode !== "final"}
          testId="label-undo"
        >
          Undo
        </LabelCommandButton>
        <LabelCommandButton
          command="label.redo"
          title={state?.redoTitle ? `Redo: ${state.redoTitle}` : "Nothing to redo"}
          className={styles.smallButton}
          disabled={!state?.redoTitle || labelling.mode !== "final"}
          testId="label-redo"
        >
          Redo
        </LabelCommandButton>
        <LabelCommandButton
          command="label.toggleReviewed"
          title={state?.reviewedAt ? "Mark as not reviewed" : "Mark as reviewed"}
          className={styles.smallButton}
          disabled={!state || labelling.mode !== "final"}
          pressed={state ? state.reviewedAt !== null : undefined}
          testId="label-reviewed-toggle"
        >
          {state?.reviewedAt ? "✓ Reviewed" : "Mark reviewed"}
        </LabelCommandButton>
        <LabelCommandButton command="label.nextNeedingAttention" title="Open the next recording that needs attention" className={styles.smallButton} testId="label-next-attention">
          Next needing attention →
        </LabelCommandButton>
        {labelling.saving && (
          <span className={styles.muted} data-testid="labelling-saving">
            Saving…
          </span>
        )}
      </div>
      <LabelButtons labelling={labelling} />
      <section className={styles.block} aria-label="Segments">
        <h3 className={styles.heading}>
          Segments{state && state.regions.length > 0 ? ` (${state.regions.length})` : ""}
        </h3>
        {state && (
          <SegmentList regions={state.regions} selectedId={labelling.selectedRegion?.id ?? null} onSelect={labelling.selectRegion} onSeek={onSeek} />
        )}
      </section>
      {labelling.selectedRegion?.note && (
        <p className={styles.note} data-testid="region-note">
          <span className={styles.muted}>Region note: </span>
          {labelling.selectedRegion.note}
        </p>
      )}
      {state && <AnnotationsPanel recordingId={labelling.recordingId} regionId={labelling.selectedRegion?.id ?? null} canAccept={labelling.mode === "final"} />}
      <RegionOptions settings={labelling.settings} onChange={labelling.setSettings} />
      {state && <LabelHistoryList recordingId={labelling.recordingId} region={labelling.selectedRegion} />}
      {labelling.noteEditor && <NoteDialog editor={labelling.noteEditor} onSave={labelling.saveNote} onClose={labelling.closeNoteEditor} />}
    </aside>
  );
}

function RecordingSummary({ state }: { state: RecordingLabelState }) {
  const prediction = state.modelPrediction;
  return (
    <section className={styles.block} aria-label="Recording label" data-testid="recording-label">
      <div className={styles.summaryLine}>
        <span className={styles.muted}>Recording</span>
        <LabelText label={state.recordingLabel} />
        <span className={`${styles.status} ${state.status === "reviewed" ? styles.statusReviewed : ""}`} data-testid="label-status" data-status={state.status}>
          {STATUS_TEXT[state.status]}
        </span>
      </div>
      {prediction && state.recordingLabel?.emotion !== prediction.emotion && (
        <div className={styles.muted}>
          Model ({prediction.modelKey}): {prediction.emotion} {Math.round(prediction.confidence * 100)}%
        </div>
      )}
      {state.note && (
        <p className={styles.note} data-testid="recording-note">
          {state.note}
        </p>
      )}
    </section>
  );
}

function LabelText({ label }: { label: LabelView | null }) {
  if (!label?.emotion) return <span className={styles.muted}>no label</span>;
  return (
    <span className={styles.labelText}>
      <span className={styles.swatch} style={{ background: EMOTION_COLORS[label.emotion] }} aria-hidden="true" />
      <strong>{label.emotion}</strong>
      <span className={label.source === "model" ? styles.badgeModel : styles.badge}>{label.source}</span>
      {label.confidence !== null && <span>{Math.round(label.confidence * 100)}%</span>}
    </span>
  );
}
