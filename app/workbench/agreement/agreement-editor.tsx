"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { AgreementSummary } from "@/lib/domain/agreement/agreement-summary";
import type { ConfusionMatrix } from "@/lib/domain/agreement/confusion-matrix";
import { fetchJson } from "../api-fetch";
import { cohortsQuery } from "../cohorts/cohort-queries";
import { corporaQuery } from "../recordings/recording-queries";
import styles from "./agreement.module.css";
import { AssignmentForm } from "./assignment-form";

interface AgreementJson {
  annotators: Record<string, string>;
  summary: AgreementSummary;
  confusion: ConfusionMatrix[];
}

const coefficient = (value: number | null, reason?: string | null) => (value === null ? `not defined${reason ? ` (${reason})` : ""}` : value.toFixed(3));

/** Agreement between a corpus's annotators (optionally one cohort's recordings): per pair, overall and per emotion. */
export function AgreementEditor({ corpusId: initialCorpus }: { corpusId: string | null }) {
  const corpora = useQuery(corporaQuery());
  const cohorts = useQuery(cohortsQuery());
  const [corpusId, setCorpusId] = useState(initialCorpus ?? "");
  const [cohortId, setCohortId] = useState("");
  const [pair, setPair] = useState(0);
  const agreement = useQuery({
    queryKey: ["agreement", corpusId, cohortId],
    enabled: corpusId !== "",
    queryFn: ({ signal }) => fetchJson<AgreementJson>(`/api/agreement?corpus=${corpusId}${cohortId ? `&cohort=${cohortId}` : ""}`, { signal }),
  });
  const name = (id: string) => agreement.data?.annotators[id] ?? id.slice(0, 8);
  const summary = agreement.data?.summary;
  const matrix = agreement.data?.confusion[pair];

  return (
    <div className={styles.editor} data-testid="agreement-editor">
      <div className={styles.toolbar}>
        <label>
          Corpus
          <select value={corpusId} onChange={(event) => setCorpusId(event.target.value)}>
            <option value="">Choose a corpus…</option>
            {corpora.data?.map((corpus) => (
              <option key={corpus.id} value={corpus.id}>
                {corpus.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Cohort
          <select value={cohortId} onChange={(event) => setCohortId(event.target.value)}>
            <option value="">All recordings</option>
            {cohorts.data
              ?.filter((cohort) => cohort.corpus.id === corpusId)
              .map((cohort) => (
                <option key={cohort.id} value={cohort.id}>
                  {cohort.name}
                </option>
              ))}
          </select>
        </label>
      </div>
      {corpusId !== "" && <AssignmentForm key={corpusId} corpusId={corpusId} />}
      {agreement.isError && (
        <p role="alert" className={styles.problem}>
          {agreement.error.message}
        </p>
      )}
      {summary && (
        <div className={styles.body}>
          <p className={styles.meta}>
            {summary.raters.length} annotators · {summary.itemCount} items · {summary.itemsWithTwoOrMoreRatings} labelled by two or more
          </p>
          <table className={styles.table} aria-label="Overall agreement">
            <tbody>
              <tr>
                <th scope="row">Krippendorff&apos;s alpha (nominal)</th>
                <td data-testid="agreement-alpha">{coefficient(summary.alpha.alpha, summary.alpha.reason)}</td>
              </tr>
              <tr>
                <th scope="row">Fleiss&apos; kappa</th>
                <td>
                  {coefficient(summary.fleiss.kappa, summary.fleiss.reason)}
                  {summary.fleiss.excludedItems > 0 ? ` (${summary.fleiss.excludedItems} items with another number of ratings left out)` : ""}
                </td>
              </tr>
            </tbody>
          </table>
          <h3>Cohen&apos;s kappa per pair</h3>
          <table className={styles.table} aria-label="Cohen's kappa per pair">
            <thead>
              <tr>
                <th>Annotators</th>
                <th>Shared items</th>
                <th>Observed</th>
                <th>Kappa</th>
              </tr>
            </thead>
            <tbody>
              {summary.pairwise.map((entry, index) => (
                <tr key={`${entry.raterA}-${entry.raterB}`} className={index === pair ? styles.chosen : undefined} onClick={() => setPair(index)}>
                  <td>
                    {name(entry.raterA)} – {name(entry.raterB)}
                  </td>
                  <td>{entry.n}</td>
                  <td>{entry.observed === null ? "—" : `${(entry.observed * 100).toFixed(1)} %`}</td>
                  <td>{coefficient(entry.kappa, entry.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {matrix && (
            <>
              <h3>
                Confusion: {name(matrix.raterA)} (rows) against {name(matrix.raterB)} (columns)
              </h3>
              <table className={styles.table} aria-label="Confusion matrix">
                <thead>
                  <tr>
                    <th />
                    {matrix.categories.map((category) => (
                      <th key={category}>{category}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {matrix.counts.map((row, i) => (
                    <tr key={matrix.categories[i]}>
                      <th scope="row">{matrix.categories[i]}</th>
                      {row.map((count, j) => (
                        <td key={j} className={i === j ? styles.diagonal : undefined}>
                          {count || ""}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <h3>Per emotion (one against the rest)</h3>
          <table className={styles.table} aria-label="Agreement per emotion">
            <thead>
              <tr>
                <th>Emotion</th>
                <th>Ratings</th>
                <th>Alpha</th>
              </tr>
            </thead>
            <tbody>
              {summary.perCategory.map((entry) => (
                <tr key={entry.category}>
                  <td>{entry.category}</td>
                  <td>{entry.ratings}</td>
                  <td>{coefficient(entry.alpha, entry.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
