"use client";

import type { AnalysisView } from "../api-types";
import styles from "./analysis.module.css";
import { webUiDownloadUrl } from "./analysis-queries";
import { analysisRunText, formatPercent } from "./analysis-text";
import { FrameCurvesView } from "./frame-curves-view";
import { UtteranceScoresChart } from "./utterance-scores-chart";

/** One model's result for the whole recording: utterance scores, how it was run, the WebUI download, and its frame curves. */
export function AnalysisResultView({ recordingId, analysis, uncalibrated }: { recordingId: string; analysis: AnalysisView; uncalibrated: boolean }) {
  const utterance = analysis.utterance;
  const hasFrames = (analysis.frameCount ?? 0) > 0;
  return (
    <div role="region" aria-label={`Result of ${analysis.model.key}`} data-model={analysis.model.key}>
      <h3>
        {analysis.model.name}
        {utterance && ` — ${utterance.top} ${formatPercent(utterance.confidence)}`}
      </h3>
      {utterance ? <UtteranceScoresChart scores={utterance} /> : <p className="form-hint">The stored scores are in an older format; analyse again.</p>}
      <p className={styles.runLine} data-testid="analysis-run">
        {analysisRunText(analysis)} · <time dateTime={analysis.createdAt}>{new Date(analysis.createdAt).toLocaleString()}</time>
        {analysis.cudaFallback && <span title={analysis.cudaFallback}> · CUDA unavailable</span>}
      </p>
      {analysis.executionProvider !== "imported" && (
        <p>
          <a href={webUiDownloadUrl(recordingId, analysis.model.key)} download>
            Download like the WebUI
          </a>
        </p>
      )}
      {hasFrames && <FrameCurvesView recordingId={recordingId} analysis={analysis} uncalibrated={uncalibrated} />}
    </div>
  );
}
