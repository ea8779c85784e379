"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { analyseRecordings } from "@/app/actions/analysis-actions";
import type { AnalysisView, ModelsListing, RecordingSummary } from "../api-types";
import styles from "./analysis.module.css";
import { AnalysisJobProgress } from "./analysis-job-progress";
import { modelsQuery, recordingAnalysesQuery } from "./analysis-queries";
import { AnalysisResultView } from "./analysis-result-view";
import { ModelPicker } from "./model-picker";

/**
 * The analysis part of a recording's detail: pick a model, analyse, follow
 * the job, and see that model's latest result for the whole recording.
 * Mounted per recording (keyed by id), so nothing carries over between them.
 */
export function RecordingAnalysis({ recording }: { recording: RecordingSummary }) {
  const models = useQuery(modelsQuery());
  const analyses = useQuery(recordingAnalysesQuery(recording.id));
  const [picked, setPicked] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const analyse = useMutation({
    mutationFn: analyseRecordings,
    onSuccess: (result) => {
      if (result.ok) setJobId(result.jobId);
    },
  });

  const whole = (analyses.data ?? []).filter((analysis) => analysis.rangeKey === "");
  const modelId = picked ?? defaultModel(models.data, whole);
  const latest = whole.find((analysis) => analysis.model.key === modelId) ?? null;
  const runnable = new Set(models.data?.models.map((model) => model.id));
  // Results of models not in MODELS_DIR (e.g. imported WebUI runs) cannot be picked, but are still shown.
  const others = whole.filter((analysis) => !runnable.has(analysis.model.key) && whole.find((entry) => entry.model.key === analysis.model.key) === analysis);

  return (
    <section className={styles.section} aria-labelledby={`analysis-${recording.id}`}>
      <h2 id={`analysis-${recording.id}`}>Analysis</h2>
      {models.isError && <p className="form-error">{models.error.message}</p>}
      {models.data && (
        <div className={styles.controls}>
          <ModelPicker listing={models.data} value={modelId} onChange={setPicked} />
          <button
            type="button"
            className="button button--primary"
            disabled={!modelId || analyse.isPending}
            onClick={() => modelId && analyse.mutate({ modelId, recordingIds: [recording.id], ...(latest ? { force: true } : {}) })}
          >
            {latest ? "Analyse again" : "Analyse"}
          </button>
        </div>
      )}
      {analyse.data && !analyse.data.ok && (
        <p role="alert" className="form-error">
          {analyse.data.error}
        </p>
      )}
      {analyse.isError && <p className="form-error">{analyse.error.message}</p>}
      {jobId && <AnalysisJobProgress key={jobId} jobId={jobId} recordingId={recording.id} />}
      {analyses.isError && <p className="form-error">{analyses.error.message}</p>}
      {latest ? (
        <AnalysisResultView recordingId={recording.id} analysis={latest} uncalibrated={isUncalibrated(models.data, latest)} />
      ) : (
        analyses.data && modelId && <p className="form-hint">Not analysed with {modelId} yet.</p>
      )}
      {others.map((analysis) => (
        <AnalysisResultView key={analysis.id} recordingId={recording.id} analysis={analysis} uncalibrated={false} />
      ))}
    </section>
  );
}

/** The model of the newest result that can still run, else the first runnable model. */
function defaultModel(listing: ModelsListing | undefined, whole: readonly AnalysisView[]): string | null {
  if (!listing) return null;
  const runnable = new Set(listing.models.map((model) => model.id));
  return whole.find((analysis) => runnable.has(analysis.model.key))?.model.key ?? listing.models[0]?.id ?? null;
}

/** Whether the analysis's model applies its utterance head to frames (per its manifest; unknown once the model is gone). */
function isUncalibrated(listing: ModelsListing | undefined, analysis: AnalysisView): boolean {
  const models = listing?.models ?? [];
  const model =
    models.find((entry) => entry.id === analysis.model.key && entry.version === analysis.model.version) ?? models.find((entry) => entry.id === analysis.model.key);
  return model?.frameScoresFromUtteranceHead ?? false;
}
