"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type WaveSurfer from "wavesurfer.js";
import type { CanonicalLabel } from "@/lib/domain/emotion-labels";
import { formatSpan } from "@/lib/domain/label-edit-title";
import type { AttentionReason, LabelEdit, RecordingLabelState, RegionView } from "@/lib/domain/label-state";
import { useCommands } from "../commands/commands-provider";
import { WorkbenchNavigationContext } from "../shell/workbench-navigation";
import { describeFailure, type LabelEditFailure } from "./label-edit-queue";
import { editRefusal, type LabelMode, labelModeOf } from "./label-mode";
import { recordingPermissionsQuery } from "../editor/editor-queries";
import { labelKeys, labelRecordingQuery, labelStateQuery, nextAttentionQuery, saveAnnotation } from "./label-queries";
import type { LabellingActions } from "./labelling-commands";
import { adjacentRegion, selectionAfterDelete } from "./region-navigation";
import { constraintsOf, type RegionSettings } from "./region-settings";
import { useLabelCommands } from "./use-label-commands";
import { useLabelEdits } from "./use-label-edits";
import { type RegionsPlugin, useRegionOverlays } from "./use-region-overlays";
import { useRegionSettings } from "./use-region-settings";

export type { RegionsPlugin } from "./use-region-overlays";

export interface LabellingMessage {
  kind: "error" | "info";
  text: string;
}

/** What 1–9, A, Backspace and N act on. */
export type LabelTarget = { kind: "recording" } | { kind: "region"; region: RegionView };

export interface NoteEditor {
  regionId: string | null;
  /** "Note for region 0:12.30–0:15.00" or "Note for the recording". */
  title: string;
  initialNote: string;
}

export interface Labelling {
  recordingId: string;
  durationSeconds: number;
  state: RecordingLabelState | undefined;
  /** Why the label state could not be loaded, for the sidebar. */
  loadError: string | null;
  selectedRegion: RegionView | null;
  selectRegion(id: string | null): void;
  target: LabelTarget;
  message: LabellingMessage | null;
  dismissMessage(): void;
  /** Edits are on their way to the server. */
  saving: boolean;
  settings: RegionSettings;
  setSettings(next: RegionSettings): void;
  noteEditor: NoteEditor | null;
  saveNote(note: string): void;
  closeNoteEditor(): void;
  /** This editor holds the label commands and keys (one editor at a time does). */
  ownsCommands: boolean;
  /** What the keys do: final labels, the researcher's own annotations, or nothing (their role). */
  mode: LabelMode;
  /** The workspace withholds the model's outputs and others' annotations from this researcher. */
  blinded: boolean;
}

export interface UseLabellingInput {
  recordingId: string;
  durationSeconds: number;
  wavesurfer: WaveSurfer | null;
  regions: RegionsPlugin | null;
}

const REASONS: Record<AttentionReason, string> = {
  disagreement: "its label disagrees with the model",
  "low-confidence": "the model is unsure about it",
  "no-human-label": "it has no human label yet",
};

/**
 * Labelling in a recording editor: the label state and its optimistic edits,
 * regions on the waveform, the label commands and keys, and what the
 * sidebar shows. The editor creates WaveSurfer and the Regions plugin and
 * passes them in (null until ready).
 */
export function useLabelling({ recordingId, durationSeconds, wavesurfer, regions }: UseLabellingInput): Labelling {
  const queryClient = useQueryClient();
  const { registry, contextKeys, output } = useCommands();
  const navigation = useContext(WorkbenchNavigationContext);
  const query = useQuery(labelStateQuery(recordingId));
  const state = query.data;
  const permissions = useQuery(recordingPermissionsQuery(recordingId)).data;
  const mode = labelModeOf(permissions);
  const [settings, setSettings] = useRegionSettings();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [recordingTarget, setRecordingTarget] = useState(false);
  const [message, setMessage] = useState<LabellingMessage | null>(null);
  const [noteEditor, setNoteEditor] = useState<NoteEditor | null>(null);

  const report = useCallback(
    (failure: LabelEditFailure) => {
      const text = describeFailure(failure);
      setMessage({ kind: "error", text });
      output.append("error", "labelling", text);
    },
    [output],
  );
  const { submit, busy } = useLabelEdits(recordingId, report);

  const selectedRegion = state?.regions.find((region) => region.id === selectedId) ?? null;
  const target: LabelTarget = selectedRegion && !recordingTarget ? { kind: "region", region: selectedRegion } : { kind: "recording" };

  const selectRegion = useCallback((id: string | null) => {
    setSelectedId(id);
    setRecordingTarget(false);
  }, []);

  /** Selects a region and brings the playhead to it (playing it when the options say so). */
  const cueRegion = useCallback(
    (region: RegionView | undefined) => {
      selectRegion(region?.id ?? null);
      if (!region || !wavesurfer) return;
      if (settings.playOnSelect) void wavesurfer.play(region.startSeconds, region.endSeconds);
      else wavesurfer.setTime(region.startSeconds);
    },
    [selectRegion, settings.playOnSelect, wavesurfer],
  );

  const modeRef = useRef(mode);
  useLayoutEffect(() => {
    modeRef.current = mode;
  });

  const submitEdit = useCallback(
    (edit: LabelEdit) => {
      const refused = editRefusal(modeRef.current);
      if (refused !== null) {
        setMessage({ kind: "info", text: refused });
        return Promise.resolve(false);
      }
      setMessage(null);
      return submit({ kind: "edit", edit }).then((queued) => {
        if (!queued) setMessage({ kind: "info", text: "The labels have not loaded yet; try again in a moment." });
        return queued;
      });
    },
    [submit],
  );

  useRegionOverlays({
    wavesurfer,
    regions,
    liveRegions: state?.regions ?? NO_REGIONS,
    selectedId,
    settings,
    durationSeconds,
    regionEditsRefused: editRefusal(mode),
    onCreate: (id, startSeconds, endSeconds) => {
      void submitEdit({ kind: "region.create", regionId: id, startSeconds, endSeconds, constraints: constraintsOf(settings) });
      selectRegion(id);
    },
    onMove: (id, startSeconds, endSeconds) => {
      void submitEdit({ kind: "region.update", regionId: id, startSeconds, endSeconds, constraints: constraintsOf(settings) });
    },
    onPick: (id) => cueRegion(state?.regions.find((region) => region.id === id)),
    onRefuse: (text) => setMessage({ kind: "info", text: `${text}; the region was not saved.` }),
  });

  // Commands read the latest values through this ref, so they are registered once rather than on every edit.
  const current = useRef({ state, target, selectedRegion, navigation });
  useLayoutEffect(() => {
    current.current = { state, target, selectedRegion, navigation };
  });

  const actions = useMemo<LabellingActions>(() => {
    const targetId = () => (current.current.target.kind === "region" ? current.current.target.region.id : null);
    const info = (text: string) => setMessage({ kind: "info", text });
    const step = (direction: 1 | -1) => {
      const regionsNow = current.current.state?.regions ?? [];
      const id = adjacentRegion(regionsNow, current.current.selectedRegion?.id ?? null, direction, wavesurfer?.getCurrentTime() ?? 0);
      if (id === null) info("This recording has no regions yet: drag across the waveform to draw one.");
      else cueRegion(regionsNow.find((region) => region.id === id));
    };
    /** An annotator's key: their own annotation of the target, apart from the final label. */
    const annotate = (emotion: CanonicalLabel) => {
      const regionId = targetId();
      setMessage(null);
      saveAnnotation(recordingId, regionId, emotion).then(
        () => {
          info(`Your annotation of ${regionId === null ? "the recording" : "the region"}: ${emotion}.`);
          void queryClient.invalidateQueries({ queryKey: labelKeys.annotations(recordingId) });
        },
        (error: unknown) => {
          const text = `Your annotation was not saved: ${error instanceof Error ? error.message : String(error)}`;
          setMessage({ kind: "error", text });
          output.append("error", "labelling", text);
        },
      );
    };
    const refuseUnlessFinal = (): boolean => {
      const refused = editRefusal(modeRef.current);
      if (refused !== null) info(refused);
      return refused !== null;
    };
    return {
      assign: (emotion: CanonicalLabel) => {
        if (modeRef.current === "annotation") annotate(emotion);
        else void submitEdit({ kind: "label.set", regionId: targetId(), emotion });
      },
      acceptModel: () => {
        const regionId = targetId();
        if (regionId === null && !current.current.state?.modelPrediction) {
          info("There is no model result for this recording yet: analyse it first.");
          return;
        }
        void submitEdit({ kind: "label.accept-model", regionId });
      },
      clear: () => void submitEdit({ kind: "label.set", regionId: targetId(), emotion: null }),
      deleteRegion: () => {
        if (refuseUnlessFinal()) return;
        const region = current.current.selectedRegion;
        if (!region) return;
        const next = selectionAfterDelete(current.current.state?.regions ?? [], region.id);
        void submitEdit({ kind: "region.delete", regionId: region.id });
        selectRegion(next);
      },
      editNote: () => {
        if (refuseUnlessFinal()) return;
        const { target: now, state: stateNow } = current.current;
        if (!stateNow) return;
        setNoteEditor(
          now.kind === "region"
            ? { regionId: now.region.id, title: `Note for region ${formatSpan(now.region)}`, initialNote: now.region.note }
            : { regionId: null, title: "Note for the recording", initialNote: stateNow.note },
        );
      },
      toggleReviewed: () => {
        const stateNow = current.current.state;
        if (stateNow) void submitEdit({ kind: "review.set", reviewed: stateNow.reviewedAt === null });
      },
      toggleTarget: () => {
        if (!current.current.selectedRegion) info("No region is selected, so labels already go to the whole recording.");
        else setRecordingTarget((value) => !value);
      },
      nextRegion: () => step(1),
      previousRegion: () => step(-1),
      undo: () => {
        if (refuseUnlessFinal()) return;
        if (!current.current.state?.undoTitle) info("There is nothing to undo.");
        else {
          setMessage(null);
          void submit({ kind: "undo" });
        }
      },
      redo: () => {
        if (refuseUnlessFinal()) return;
        if (!current.current.state?.redoTitle) info("There is nothing to redo.");
        else {
          setMessage(null);
          void submit({ kind: "redo" });
        }
      },
      nextNeedingAttention: async () => {
        try {
          const recording = await queryClient.fetchQuery(labelRecordingQuery(recordingId));
          const next = await queryClient.fetchQuery(nextAttentionQuery(recording.corpusId, recordingId));
          if (!next) {
            info(`No other recording in ${recording.corpusName} needs attention.`);
            return;
          }
          const title = await queryClient
            .fetchQuery(labelRecordingQuery(next.recordingId))
            .then((summary) => summary.originalName)
            .catch(() => "Recording");
          output.append("info", "labelling", `Opened ${title}: ${REASONS[next.reason]}.`);
          current.current.navigation?.openRecording(next.recordingId, title);
        } catch (error) {
          const text = `Could not find the next recording that needs attention: ${error instanceof Error ? error.message : String(error)}`;
          setMessage({ kind: "error", text });
          output.append("error", "labelling", text);
        }
      },
    };
  }, [cueRegion, output, queryClient, recordingId, selectRegion, submit, submitEdit, wavesurfer]);

  const ownsCommands = useLabelCommands(
    registry,
    actions,
    { undo: state?.undoTitle ?? null, redo: state?.redoTitle ?? null },
    isActive(navigation?.activeRecordingId, recordingId),
  );

  const regionSelected = selectedRegion !== null;
  useEffect(() => {
    if (ownsCommands) contextKeys.set("regionSelected", regionSelected);
  }, [contextKeys, ownsCommands, regionSelected]);
  useEffect(() => {
    if (ownsCommands) return () => contextKeys.delete("regionSelected");
  }, [contextKeys, ownsCommands]);

  const saveNote = useCallback(
    (note: string) => {
      setNoteEditor(null);
      if (noteEditor && note !== noteEditor.initialNote) void submitEdit({ kind: "note.set", regionId: noteEditor.regionId, note });
    },
    [noteEditor, submitEdit],
  );

  return {
    recordingId,
    durationSeconds,
    state,
    loadError: query.isError ? query.error.message : null,
    selectedRegion,
    selectRegion,
    target,
    message,
    dismissMessage: () => setMessage(null),
    saving: busy,
    settings,
    setSettings,
    noteEditor,
    saveNote,
    closeNoteEditor: () => setNoteEditor(null),
    ownsCommands,
    mode,
    blinded: permissions?.blinded ?? false,
  };
}

const NO_REGIONS: readonly RegionView[] = [];

/** Without a shell (or before it names an active editor) the only editor is the active one. */
function isActive(activeRecordingId: string | null | undefined, recordingId: string): boolean {
  return activeRecordingId == null || activeRecordingId === recordingId;
}
