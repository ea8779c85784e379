import type { AgreementItem, CodedItem } from "./agreement-item";
import { codeItems, compareIds } from "./agreement-item";
import type { KappaResult } from "./cohens-kappa";
import { kappaFromTallies } from "./cohens-kappa";

/** Cohen's kappa of one rater pair; raterA sorts before raterB. */
export interface PairwiseKappa extends KappaResult {
  readonly raterA: string;
  readonly raterB: string;
}

interface PairTally {
  n: number;
  agreements: number;
  totalsA: number[];
  totalsB: number[];
}

/**
 * Cohen's kappa for every pair of raters who share at least one item, sorted
 * by raterA then raterB (code-unit order). One pass over the items' rater
 * pairs, so it costs Σ m² per item rather than (raters)² passes over the corpus.
 */
export function pairwiseCohensKappa(items: readonly AgreementItem[], categories: readonly string[]): PairwiseKappa[] {
  return pairwiseCohensKappaOfCoded(codeItems(items, categories), categories);
}

/** pairwiseCohensKappa on items already checked by codeItems. */
export function pairwiseCohensKappaOfCoded(coded: readonly CodedItem[], categories: readonly string[]): PairwiseKappa[] {
  const tallies = new Map<string, Map<string, PairTally>>();
  for (const item of coded) {
    const { raterIds, codes } = item;
    for (let i = 0; i < raterIds.length; i++) {
      let byB = tallies.get(raterIds[i]!);
      if (byB === undefined) tallies.set(raterIds[i]!, (byB = new Map()));
      for (let j = i + 1; j < raterIds.length; j++) {
        let tally = byB.get(raterIds[j]!);
        if (tally === undefined) {
          tally = { n: 0, agreements: 0, totalsA: new Array<number>(categories.length).fill(0), totalsB: new Array<number>(categories.length).fill(0) };
          byB.set(raterIds[j]!, tally);
        }
        tally.n++;
        if (codes[i] === codes[j]) tally.agreements++;
        tally.totalsA[codes[i]!]!++;
        tally.totalsB[codes[j]!]!++;
      }
    }
  }
  const results: PairwiseKappa[] = [];
  for (const raterA of [...tallies.keys()].sort(compareIds)) {
    const byB = tallies.get(raterA)!;
    for (const raterB of [...byB.keys()].sort(compareIds)) {
      const { n, agreements, totalsA, totalsB } = byB.get(raterB)!;
      results.push({ raterA, raterB, ...kappaFromTallies(n, agreements, totalsA, totalsB) });
    }
  }
  return results;
}
