"use client";

import { useQuery } from "@tanstack/react-query";
import { CANONICAL_LABELS } from "@/lib/domain/emotion-labels";
import type { RegionView } from "@/lib/domain/label-state";
import { curvesWindowQuery } from "../analysis/analysis-queries";
import { formatPercent } from "../analysis/analysis-text";
import { UtteranceScoresChart } from "../analysis/utterance-scores-chart";
import type { AnalysisView, UtteranceScoresView } from "../api-types";
import { singleBucketScores, toCurveSeries, topIndex } from "./curve-series";
import styles from "./editor.module.css";
import { rangeText } from "./time-format";

/**
 * What the emotion2vec+ WebUI shows for a clip, for the whole recording
 * (the analysis's utterance scores) and for the selected region (the mean
 * of the frame scores over it): top emotion, confidence, the nine scores.
 */
export function EmotionSummary({ recordingId, analysis, region }: { recordingId: string; analysis: AnalysisView | null; region: RegionView | null }) {
  return (
    <section className={styles.summary} aria-label="Emotion summary" data-testid="emotion-summary">
      <div data-testid="summary-recording" aria-label="Whole recording" role="group">
        <h3>Whole recording</h3>
        {analysis?.utterance ? (
          <ScoresBlock scores={analysis.utterance} caption={analysis.model.name} />
        ) : (
          <p className="form-hint">{analysis ? "This analysis has no utterance scores in the current format; analyse again." : "Not analysed with this model yet."}</p>
        )}
      </div>
      <div data-testid="summary-region" aria-label="Selected region" role="group">
        <h3>Selected region{region ? ` ${rangeText(region.startSeconds, region.endSeconds)}` : ""}</h3>
        {!region ? (
          <p className="form-hint">Select a region on the waveform to see its average scores.</p>
        ) : analysis && (analysis.frameCount ?? 0) > 0 ? (
          <RegionScores recordingId={recordingId} analysis={analysis} region={region} />
        ) : (
          <p className="form-hint">Region scores need frame scores; this analysis has utterance scores only.</p>
        )}
      </div>
    </section>
  );
}

function RegionScores({ recordingId, analysis, region }: { recordingId: string; analysis: AnalysisView; region: RegionView }) {
  const window = { from: round(region.startSeconds), to: round(region.endSeconds), pixels: 1 };
  const query = useQuery({ ...curvesWindowQuery(recordingId, analysis, window), enabled: window.to > window.from });
  if (query.isError) return <p className="form-error">{query.error.message}</p>;
  if (!query.data) return <p aria-live="polite">Averaging the frame scores…</p>;
  const scores = singleBucketScores(toCurveSeries(query.data));
  if (!scores) return <p className="form-hint">No frames fall in this region.</p>;
  const top = topIndex(scores);
  const view: UtteranceScoresView = { labels: [...CANONICAL_LABELS], scores, top: CANONICAL_LABELS[top] ?? "unknown", confidence: scores[top] ?? 0 };
  return <ScoresBlock scores={view} caption={`mean of ${query.data.framesInRange} frames`} />;
}

function ScoresBlock({ scores, caption }: { scores: UtteranceScoresView; caption: string }) {
  return (
    <>
      <p className={styles.topEmotion} data-testid="summary-top">
        <strong>{scores.top}</strong> <span>{formatPercent(scores.confidence)}</span> <span className={styles.caption}>{caption}</span>
      </p>
      <UtteranceScoresChart scores={scores} />
    </>
  );
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
