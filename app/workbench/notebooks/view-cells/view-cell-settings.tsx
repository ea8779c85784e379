"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import type { NotebookViewKind, NotebookViewSpec } from "@/lib/domain/notebook/notebook-cell";
import type { ProjectionSummary } from "../../api-types";
import { cohortsQuery } from "../../cohorts/cohort-queries";
import { recordingSummaryQuery } from "../../editor/editor-queries";
import { projectionListQuery } from "../../projections/projection-queries";
import { hitTitle } from "../../search/search-hit-text";
import { groupByCorpus } from "./option-groups";
import { RecordingPicker } from "./recording-picker";
import { usePatientOptions } from "./use-patient-options";
import { failureOf, formatSeconds, shortId, VIEW_KIND_TITLES, VIEW_KINDS } from "./view-cell-text";
import styles from "./view-cells.module.css";
import { checkDraft, type DraftField, draftFromView, MAX_VIEW_COHORTS, type ViewDraft } from "./view-spec-draft";

/** A new recording range opens on its first stretch of this length (or the whole recording when shorter). */
const DEFAULT_RANGE_SECONDS = 10;

export interface ViewCellSettingsFormProps {
  value: NotebookViewSpec | null;
  onChange(view: NotebookViewSpec): void;
}

/**
 * The view cell's settings: "View" picks the kind, then its parameters from
 * the workbench's own lists (recordings by search, finished projections,
 * cohorts, patients). "Apply" hands over a spec only when it is valid; until
 * then the form says what is missing.
 */
export function ViewCellSettingsForm({ value, onChange }: ViewCellSettingsFormProps) {
  const valueKey = JSON.stringify(value);
  const [shownKey, setShownKey] = useState(valueKey);
  const [draft, setDraft] = useState<ViewDraft>(() => draftFromView(value));
  // A different value from outside (another cell, an undo) replaces what was being edited; an equal one re-rendered does not.
  if (shownKey !== valueKey) {
    setShownKey(valueKey);
    setDraft(draftFromView(value));
  }
  const update = (patch: Partial<ViewDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const kindId = useId();
  const problemId = useId();
  const recording = useQuery({ ...recordingSummaryQuery(draft.recordingId ?? ""), enabled: draft.kind === "recording" && draft.recordingId !== null });
  const projections = useQuery({ ...projectionListQuery(), enabled: draft.kind === "projection" });
  const finishedProjectionIds = useMemo(
    () => (projections.data ? new Set(projections.data.filter((projection) => projection.status === "succeeded").map((projection) => projection.id)) : undefined),
    [projections.data],
  );
  const check = checkDraft(draft, {
    ...(recording.data ? { recordingDurationSeconds: recording.data.durationSeconds } : {}),
    ...(finishedProjectionIds ? { finishedProjectionIds } : {}),
  });
  const problem = check.ok ? null : recording.isError && check.field === "recording" ? recordingFailure(draft.recordingId, recording.error) : check.message;
  const fieldProps = (field: DraftField) => ({ invalid: !check.ok && check.field === field, describedBy: problemId });

  return (
    <form
      className={styles.settings}
      // No accessible name on the form: "View …" would collide with the "View" select for getByLabel("View").
      onSubmit={(event) => {
        event.preventDefault();
        if (check.ok) onChange(check.view);
      }}
    >
      <div className={styles.field}>
        <label htmlFor={kindId}>View</label>
        <select id={kindId} value={draft.kind} onChange={(event) => update({ kind: event.target.value as NotebookViewKind })}>
          {VIEW_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {VIEW_KIND_TITLES[kind]}
            </option>
          ))}
        </select>
      </div>

      {draft.kind === "recording" && (
        <RecordingFields
          draft={draft}
          chosenTitle={recording.data ? hitTitle({ name: recording.data.originalName, trackIndex: recording.data.trackIndex }) : draft.recordingId ? `Recording ${shortId(draft.recordingId)}` : ""}
          durationSeconds={recording.data?.durationSeconds}
          update={update}
          invalidField={check.ok ? null : check.field}
          problemId={problemId}
        />
      )}
      {draft.kind === "projection" && (
        <ProjectionField
          draft={draft}
          update={update}
          projections={projections.data}
          pending={projections.isPending}
          error={projections.isError ? projections.error.message : null}
          finished={finishedProjectionIds}
          {...fieldProps("projection")}
        />
      )}
      {draft.kind === "comparison" && <CohortsField draft={draft} update={update} {...fieldProps("cohorts")} />}
      {draft.kind === "trajectory" && <PatientField draft={draft} update={update} {...fieldProps("patient")} />}

      <div className={styles.actions}>
        <button type="submit" className="button button--primary" disabled={!check.ok}>
          Apply
        </button>
        <p id={problemId} className={styles.problem} aria-live="polite">
          {problem}
        </p>
      </div>
    </form>
  );
}

function recordingFailure(recordingId: string | null, error: unknown): string {
  const failure = failureOf(error);
  return failure.status === 404 ? `Recording ${shortId(recordingId ?? "")} no longer exists: choose another.` : `Cannot load the recording: ${failure.message}`;
}

interface FieldProps {
  draft: ViewDraft;
  update: (patch: Partial<ViewDraft>) => void;
  invalid: boolean;
  describedBy: string;
}

function RecordingFields({
  draft,
  chosenTitle,
  durationSeconds,
  update,
  invalidField,
  problemId,
}: {
  draft: ViewDraft;
  chosenTitle: string;
  durationSeconds: number | undefined;
  update: (patch: Partial<ViewDraft>) => void;
  invalidField: DraftField | null;
  problemId: string;
}) {
  const fromId = useId();
  const toId = useId();
  return (
    <>
      <RecordingPicker
        chosenTitle={chosenTitle}
        invalid={invalidField === "recording"}
        describedBy={problemId}
        onPick={(hit) => {
          const fresh = draft.from.trim() === "" && draft.to.trim() === "";
          update({
            recordingId: hit.recordingId,
            ...(fresh ? { from: "0", to: formatSeconds(Math.min(DEFAULT_RANGE_SECONDS, Math.floor(hit.durationSeconds * 100) / 100)) } : {}),
          });
        }}
      />
      <div className={styles.row}>
        <div className={styles.field}>
          <label htmlFor={fromId}>From (s)</label>
          <input
            id={fromId}
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={draft.from}
            aria-invalid={invalidField === "from"}
            aria-describedby={problemId}
            onChange={(event) => update({ from: event.target.value })}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={toId}>To (s)</label>
          <input
            id={toId}
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            {...(durationSeconds !== undefined ? { max: durationSeconds } : {})}
            value={draft.to}
            aria-invalid={invalidField === "to"}
            aria-describedby={problemId}
            onChange={(event) => update({ to: event.target.value })}
          />
        </div>
        {durationSeconds !== undefined && <p className={styles.hint}>The recording is {formatSeconds(durationSeconds)} s long.</p>}
      </div>
    </>
  );
}

function ProjectionField({
  draft,
  update,
  projections,
  pending,
  error,
  finished,
  invalid,
  describedBy,
}: FieldProps & { projections: readonly ProjectionSummary[] | undefined; pending: boolean; error: string | null; finished: ReadonlySet<string> | undefined }) {
  const id = useId();
  const list = (projections ?? []).filter((projection) => finished?.has(projection.id));
  const current = draft.projectionId;
  const unlisted = current !== null && finished !== undefined && !finished.has(current);
  return (
    <div className={styles.field}>
      <label htmlFor={id}>Projection</label>
      <select id={id} value={current ?? ""} aria-invalid={invalid} aria-describedby={describedBy} onChange={(event) => update({ projectionId: event.target.value || null })}>
        <option value="" disabled>
          {pending ? "Loading projections…" : list.length === 0 ? "No finished projections" : "Choose a projection…"}
        </option>
        {unlisted && <option value={current}>Projection {shortId(current)} (not finished or gone)</option>}
        {list.map((projection) => (
          <option key={projection.id} value={projection.id} title={`${projection.pointCount.toLocaleString()} points · ${projection.model.name} ${projection.model.version}`}>
            {projection.name}
          </option>
        ))}
      </select>
      {error && <p className={styles.problem}>{error}</p>}
    </div>
  );
}

function CohortsField({ draft, update, invalid, describedBy }: FieldProps) {
  const id = useId();
  const cohorts = useQuery(cohortsQuery());
  const groups = useMemo(
    () => groupByCorpus((cohorts.data ?? []).map((cohort) => ({ ...cohort, corpusId: cohort.corpus.id, corpusName: cohort.corpus.name })), (cohort) => cohort.name),
    [cohorts.data],
  );
  const known = new Set((cohorts.data ?? []).map((cohort) => cohort.id));
  const gone = draft.cohortIds.filter((cohortId) => cohorts.isSuccess && !known.has(cohortId));
  return (
    <div className={styles.field}>
      <label htmlFor={id}>Cohorts</label>
      <select
        id={id}
        multiple
        value={[...draft.cohortIds]}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(event) => update({ cohortIds: Array.from(event.target.selectedOptions, (option) => option.value) })}
      >
        {gone.map((cohortId) => (
          <option key={cohortId} value={cohortId}>
            Cohort {shortId(cohortId)} (gone)
          </option>
        ))}
        {groups.map((group) => (
          <optgroup key={group.corpusId} label={group.corpusName}>
            {group.entries.map((cohort) => (
              <option key={cohort.id} value={cohort.id}>
                {cohort.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <p className={styles.hint}>
        {cohorts.isPending ? "Loading cohorts…" : cohorts.isError ? cohorts.error.message : `Ctrl/⌘-click to choose several: 2 to ${MAX_VIEW_COHORTS}.`}
      </p>
    </div>
  );
}

function PatientField({ draft, update, invalid, describedBy }: FieldProps) {
  const id = useId();
  const options = usePatientOptions();
  const known = options.groups.some((group) => group.entries.some((patient) => patient.id === draft.patientId));
  return (
    <div className={styles.field}>
      <label htmlFor={id}>Patient</label>
      <select id={id} value={draft.patientId ?? ""} aria-invalid={invalid} aria-describedby={describedBy} onChange={(event) => update({ patientId: event.target.value || null })}>
        <option value="" disabled>
          {options.pending ? "Loading patients…" : options.groups.length === 0 ? "No patients" : "Choose a patient…"}
        </option>
        {draft.patientId && !known && <option value={draft.patientId}>Patient {shortId(draft.patientId)}</option>}
        {options.groups.map((group) => (
          <optgroup key={group.corpusId} label={group.corpusName}>
            {group.entries.map((patient) => (
              <option key={patient.id} value={patient.id}>
                {patient.code}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {options.error && <p className={styles.problem}>{options.error}</p>}
    </div>
  );
}
