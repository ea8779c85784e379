/**
 * Agreement between two annotators who labelled the same items, for the
 * datasheet. Each pair is (first annotator's label, second annotator's label)
 * for one item.
 */

export interface AnnotatorAgreement {
  /** Items both annotators labelled. */
  readonly pairs: number;
  /** Share of those items with the same label, 0 to 100. */
  readonly percentAgreement: number;
  /** Cohen's kappa, or null where it is undefined (see cohensKappa). */
  readonly cohensKappa: number | null;
}

/**
 * Cohen's kappa, (p_o − p_e) / (1 − p_e), with p_e from each annotator's own
 * label frequencies. Null for no pairs, and when both annotators gave every
 * item one and the same label (p_e = 1: agreement by chance is certain, so
 * kappa is 0/0). Worked in whole counts, n·agreements − Σ a_k b_k over
 * n² − Σ a_k b_k, so it is exact up to 2⁵³ and 1 when agreement is perfect.
 */
export function cohensKappa(pairs: readonly (readonly [string, string])[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agreements = 0;
  for (const [a, b] of pairs) {
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
    if (a === b) agreements++;
  }
  let chance = 0;
  for (const [label, count] of first) chance += count * (second.get(label) ?? 0);
  const denominator = n * n - chance;
  return denominator === 0 ? null : (n * agreements - chance) / denominator;
}

/** Pairs, percent agreement and kappa together; null when the annotators share no item. */
export function annotatorAgreement(pairs: readonly (readonly [string, string])[]): AnnotatorAgreement | null {
  if (pairs.length === 0) return null;
  const agreements = pairs.filter(([a, b]) => a === b).length;
  return { pairs: pairs.length, percentAgreement: (100 * agreements) / pairs.length, cohensKappa: cohensKappa(pairs) };
}
