"use client";

import { formatP, significanceMarker } from "./comparison-text";
import type { CohortPairComparison } from "./cohort-types";
import styles from "./cohorts.module.css";

/**
 * One pair's nine emotion tests: Mann–Whitney U with its p, the p corrected
 * across the nine emotions, and Cliff's delta with its magnitude. Rows whose
 * corrected p is below 0.05 are marked with stars and set in bold.
 */
export function PairwiseTable({ pair, nameA, nameB, correctionName }: { pair: CohortPairComparison; nameA: string; nameB: string; correctionName: string }) {
  return (
    <table className={styles.table} data-testid="cohort-pairwise-table">
      <caption>
        {nameA} (n = {pair.unitsA}) vs {nameB} (n = {pair.unitsB})
      </caption>
      <thead>
        <tr>
          <th scope="col">Emotion</th>
          <th scope="col" title={`Mean share in ${nameA}`}>
            Mean A
          </th>
          <th scope="col" title={`Mean share in ${nameB}`}>
            Mean B
          </th>
          <th scope="col" title="Mann–Whitney U of A (pairs where A is larger, ties counting ½)">
            U
          </th>
          <th scope="col">p</th>
          <th scope="col">p ({correctionName})</th>
          <th scope="col" title="Cliff's delta of A against B: positive when A's shares tend to be larger">
            Cliff’s δ
          </th>
          <th scope="col">Magnitude</th>
          <th scope="col">
            <span className="visually-hidden">Significance</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {pair.emotions.map((test) => {
          const marker = significanceMarker(test.pAdjusted);
          return (
            <tr key={test.label} data-testid="cohort-test-row" data-emotion={test.label} data-significant={marker !== "" ? "true" : undefined}>
              <th scope="row">{test.label}</th>
              <td>{(test.meanA * 100).toFixed(1)}%</td>
              <td>{(test.meanB * 100).toFixed(1)}%</td>
              <td>{test.u.toFixed(1)}</td>
              <td title={test.pMethod === "exact" ? "exact distribution" : "normal approximation with tie correction"}>{formatP(test.p)}</td>
              <td>{formatP(test.pAdjusted)}</td>
              <td>{test.delta.toFixed(3)}</td>
              <td>{test.magnitude}</td>
              <td aria-label={marker ? `significant at ${marker.length === 3 ? "0.001" : marker.length === 2 ? "0.01" : "0.05"} after correction` : "not significant after correction"}>{marker}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
