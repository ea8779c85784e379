"use client";

import { useMutation } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { analyseRecordings } from "@/app/actions/analysis-actions";
import type { AnalysisView, ModelsListing } from "../api-types";
import styles from "./analysis.module.css";
import { AnalysisJobProgress } from "./analysis-job-progress";
import { webUiDownloadUrl } from "./analysis-queries";
import { analysisRunText } from "./analysis-text";
import { ModelPicker } from "./model-picker";

/** Starting an analysis of one recording and following its job; shared by the editor's toolbar and the recording detail. */
export function useAnalyseRecording(recordingId: string) {
  const [jobId, setJobId] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: analyseRecordings,
    onSuccess: (result) => {
      if (result.ok) setJobId(result.jobId);
    },
  });
  const { mutate } = mutation;
  const analyse = useCallback(
    (modelId: string, again: boolean) => mutate({ modelId, recordingIds: [recordingId], ...(again ? { force: true } : {}) }),
    [mutate, recordingId],
  );
  const error = mutation.data && !mutation.data.ok ? mutation.data.error : mutation.isError ? mutation.error.message : null;
  return { analyse, jobId, pending: mutation.isPending, error };
}

export type AnalyseRecording = ReturnType<typeof useAnalyseRecording>;

/** Model picker, Analyse button and the running job's progress. */
export function AnalysisControls({
  recordingId,
  listing,
  modelId,
  latest,
  onPick,
  analysis,
  analyseTitle,
  canAnalyse = true,
}: {
  recordingId: string;
  listing: ModelsListing;
  modelId: string | null;
  /** The picked model's latest whole-recording analysis, if any ("Analyse again"). */
  latest: AnalysisView | null;
  onPick: (modelId: string) => void;
  analysis: AnalyseRecording;
  /** Tooltip of the Analyse button (e.g. its command and key). */
  analyseTitle?: string;
  /** False for roles that may not run analyses: the picker stays (it chooses the curves shown), Analyse goes. */
  canAnalyse?: boolean;
}) {
  return (
    <>
      <div className={styles.controls}>
        <ModelPicker listing={listing} value={modelId} onChange={onPick} />
        {canAnalyse && (
          <button
            type="button"
            className="button button--primary"
            title={analyseTitle}
            disabled={!modelId || analysis.pending}
            onClick={() => modelId && analysis.analyse(modelId, latest !== null)}
          >
            {latest ? "Analyse again" : "Analyse"}
          </button>
        )}
      </div>
      {analysis.error && (
        <p role="alert" className="form-error">
          {analysis.error}
        </p>
      )}
      {analysis.jobId && <AnalysisJobProgress key={analysis.jobId} jobId={analysis.jobId} recordingId={recordingId} />}
    </>
  );
}


/** Whether the analysis's model applies its utterance head to frames (per its manifest; unknown once the model is gone). */
export function isUncalibrated(listing: ModelsListing | undefined, analysis: AnalysisView): boolean {
  const models = listing?.models ?? [];
  const model =
    models.find((entry) => entry.id === analysis.model.key && entry.version === analysis.model.version) ?? models.find((entry) => entry.id === analysis.model.key);
  return model?.frameScoresFromUtteranceHead ?? false;
}

/** How the shown result was made (model, provider, speed, when), and the WebUI-style download of it. */
export function AnalysisRunLine({ recordingId, analysis }: { recordingId: string; analysis: AnalysisView }) {
  return (
    <p className={styles.runLine} data-testid="analysis-run" data-model={analysis.model.key}>
      {analysisRunText(analysis)} · <time dateTime={analysis.createdAt}>{new Date(analysis.createdAt).toLocaleString()}</time>
      {analysis.cudaFallback && <span title={analysis.cudaFallback}> · CUDA unavailable</span>}
      {analysis.executionProvider !== "imported" && (
        <>
          {" · "}
          <a href={webUiDownloadUrl(recordingId, analysis.model.key)} download>
            Download like the WebUI
          </a>
        </>
      )}
    </p>
  );
}
