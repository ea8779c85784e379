"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { comparisonToCsv } from "@/lib/domain/cohort-comparison/comparison-csv";
import { downloadCsv } from "../download-file";
import { comparisonQuery } from "./cohort-queries";
import type { AnalysisUnit, CohortComparisonJson, ComparisonCorrection } from "./cohort-types";
import styles from "./cohorts.module.css";
import { formatP, levelStatement, modelName } from "./comparison-text";
import { DistributionChart } from "./distribution-chart";
import { PairwiseTable } from "./pairwise-table";

const CORRECTION_NAMES: Readonly<Record<ComparisonCorrection, string>> = { holm: "Holm", bh: "Benjamini–Hochberg" };

/**
 * The cohort comparison editor: per-cohort emotion distributions, the
 * pairwise tests per emotion, the chi-square on dominant emotions and the
 * embedding-centroid tests, with the level (per patient by default), the
 * correction and the model as controls, and every table as CSV.
 */
export function CohortComparisonEditor({ cohortIds }: { cohortIds: readonly string[] }) {
  const [level, setLevel] = useState<AnalysisUnit>("patient");
  const [correction, setCorrection] = useState<ComparisonCorrection>("holm");
  const [modelId, setModelId] = useState<string | null>(null);
  const query = useQuery(comparisonQuery({ cohortIds, modelId, level, correction }));
  const result = query.data;

  return (
    <div className={styles.editor} data-testid="cohort-comparison-editor" aria-busy={query.isFetching}>
      <h2 className={styles.title}>Cohort comparison{result ? `: ${result.comparison.cohorts.map((cohort) => cohort.name).join(" vs ")}` : ""}</h2>
      <div className={styles.controls} role="group" aria-label="Comparison settings">
        <label>
          Unit
          <select value={level} onChange={(event) => setLevel(event.target.value as AnalysisUnit)} data-testid="cohort-level">
            <option value="patient">Per patient (recordings averaged first)</option>
            <option value="recording">Per recording</option>
          </select>
        </label>
        <label>
          Correction
          <select value={correction} onChange={(event) => setCorrection(event.target.value as ComparisonCorrection)} data-testid="cohort-correction">
            <option value="holm">Holm (family-wise)</option>
            <option value="bh">Benjamini–Hochberg (false discovery rate)</option>
          </select>
        </label>
        <label>
          Model
          <select
            value={modelId ?? result?.model?.id ?? ""}
            onChange={(event) => setModelId(event.target.value || null)}
            disabled={!result || result.models.length === 0}
            data-testid="cohort-model"
          >
            {(!result || result.models.length === 0) && <option value="">{result ? "No analyses" : "…"}</option>}
            {result?.models.map((model) => (
              <option key={model.id} value={model.id}>
                {modelName(model)} ({model.modelKey}, {model.recordings} recordings)
              </option>
            ))}
          </select>
        </label>
      </div>
      {query.isPending && <p className={styles.note}>Comparing…</p>}
      {query.isError && (
        <p className={`${styles.note} ${styles.error}`} role="alert">
          {query.error.message}
        </p>
      )}
      {result && <ComparisonBody result={result} />}
    </div>
  );
}

/** The comparison's statements, charts and tables for one result; also shown by notebook view cells. */
export function ComparisonBody({ result }: { result: CohortComparisonJson }) {
  const { comparison } = result;
  const unitNoun = comparison.level === "patient" ? "patient" : "recording";
  const names = new Map(comparison.cohorts.map((cohort) => [cohort.cohortId, cohort.name]));
  const files = useMemo(() => comparisonToCsv(comparison), [comparison]);
  const chi = comparison.chiSquare;
  return (
    <>
      <p className={styles.statement} data-testid="cohort-level-statement">
        {levelStatement(result)}
      </p>
      <p className={styles.note}>{basesText(result)}</p>
      {comparison.warnings.length > 0 && (
        <ul className={styles.warnings} aria-label="Warnings" data-testid="cohort-warnings">
          {comparison.warnings.map((warning) => (
            <li key={`${warning.code}:${warning.message}`} data-code={warning.code}>
              {warning.message}
            </li>
          ))}
        </ul>
      )}

      <h3 className={styles.sectionTitle}>Emotion distribution</h3>
      <DistributionChart cohorts={comparison.cohorts} unitNoun={unitNoun} />

      <h3 className={styles.sectionTitle}>Per-emotion tests (Mann–Whitney U, Cliff’s delta)</h3>
      <p className={styles.note}>
        Each {unitNoun}’s share of an emotion, compared between two cohorts; p corrected with {CORRECTION_NAMES[comparison.correction]} across the nine emotions of
        each pair. * p &lt; 0.05, ** p &lt; 0.01, *** p &lt; 0.001 after correction.
      </p>
      {comparison.pairs.map((pair) =>
        pair.emotions.length > 0 ? (
          <PairwiseTable key={`${pair.cohortA}:${pair.cohortB}`} pair={pair} nameA={names.get(pair.cohortA)!} nameB={names.get(pair.cohortB)!} correctionName={CORRECTION_NAMES[comparison.correction]} />
        ) : (
          <p key={`${pair.cohortA}:${pair.cohortB}`} className={styles.note}>
            {names.get(pair.cohortA)} vs {names.get(pair.cohortB)}: not tested, one of them has no {unitNoun}s with labels or analysis.
          </p>
        ),
      )}

      <h3 className={styles.sectionTitle}>Dominant emotion (chi-square)</h3>
      <p className={styles.statement} data-testid="cohort-chi-square">
        {chi
          ? `${capitalise(unitNoun)}s counted by their dominant emotion (ties go to the first label in model order): χ²(${chi.dof}) = ${chi.statistic.toFixed(2)}, p = ${formatP(chi.p)}, Cramér’s V = ${chi.cramersV.toFixed(2)}.${chi.droppedLabels.length > 0 ? ` Left out, as no ${unitNoun} had them as dominant: ${chi.droppedLabels.join(", ")}.` : ""}`
          : `Not tested: fewer than two cohorts have ${unitNoun}s with labels or analysis.`}
      </p>

      <h3 className={styles.sectionTitle}>Embedding centroids (permutation test)</h3>
      <ul className={styles.note} data-testid="cohort-centroid-tests">
        {comparison.pairs.map((pair) => (
          <li key={`${pair.cohortA}:${pair.cohortB}`} data-testid="cohort-centroid-row">
            {names.get(pair.cohortA)} vs {names.get(pair.cohortB)}:{" "}
            {pair.centroid.length === 0
              ? `not tested, one of them has no ${unitNoun} with an embedding by ${modelName(result.model)}.`
              : pair.centroid
                  .map((test) => `${test.metric} distance ${test.observed.toFixed(4)}, p = ${formatP(test.p)} (${test.sizes[0]} vs ${test.sizes[1]} ${unitNoun}s)`)
                  .join("; ")}
          </li>
        ))}
      </ul>
      <p className={styles.note}>
        Distance between the cohorts’ mean embeddings in the model’s full embedding space ({comparison.level === "patient" ? "each patient’s mean embedding first" : "one point per recording"}); p from{" "}
        {comparison.permutations.toLocaleString("en")} random relabellings with seed {comparison.seed}.
      </p>

      <div className={styles.exports} role="group" aria-label="Export CSV">
        {files.map((file) => (
          <button key={file.name} type="button" className={styles.button} onClick={() => downloadCsv(file.name, file.text)} data-testid="cohort-export-csv">
            Export {file.name}
          </button>
        ))}
      </div>
    </>
  );
}

/** "Emotion mix per recording: 1 from labelled regions (overlaps count in full), …". */
function basesText(result: CohortComparisonJson): string {
  const { bases } = result;
  const parts = [
    bases.regions > 0 && `${bases.regions} from labelled regions (duration-weighted; overlapping regions each count in full)`,
    bases["recording-label"] > 0 && `${bases["recording-label"]} from whole-recording labels`,
    bases.frames > 0 && `${bases.frames} from the model’s frames (share of frames each emotion tops)`,
    bases.utterance > 0 && `${bases.utterance} from the model’s utterance top class`,
  ].filter(Boolean);
  const missing = result.missingFrameFiles > 0 ? ` ${result.missingFrameFiles} frame-score files were missing; their utterance scores stood in.` : "";
  return `Emotion mix per recording: ${parts.length > 0 ? parts.join(", ") : "none"}.${missing}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
