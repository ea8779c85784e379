import type { AgreementItem } from "./agreement-item";
import { codeItems } from "./agreement-item";
import { AgreementInputError } from "./agreement-input-error";

/** How two raters' categories cross over the items both rated. */
export interface ConfusionMatrix {
  readonly raterA: string;
  readonly raterB: string;
  readonly categories: readonly string[];
  /** counts[i][j]: items rater A put in categories[i] and rater B in categories[j]. */
  readonly counts: readonly (readonly number[])[];
  /** Rater A's use of each category (row sums). */
  readonly rowTotals: readonly number[];
  /** Rater B's use of each category (column sums). */
  readonly columnTotals: readonly number[];
  /** Items both rated. */
  readonly n: number;
}

/** Rater A (rows) against rater B (columns), in the order of `categories`; items either left unrated are skipped. */
export function confusionMatrix(
  items: readonly AgreementItem[],
  raterA: string,
  raterB: string,
  categories: readonly string[],
): ConfusionMatrix {
  if (raterA === raterB) {
    throw new AgreementInputError(`a confusion matrix compares two raters; got "${raterA}" twice`);
  }
  const size = categories.length;
  const counts = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const rowTotals = new Array<number>(size).fill(0);
  const columnTotals = new Array<number>(size).fill(0);
  let n = 0;
  for (const item of codeItems(items, categories)) {
    const a = item.raterIds.indexOf(raterA);
    const b = item.raterIds.indexOf(raterB);
    if (a < 0 || b < 0) continue;
    const row = item.codes[a]!;
    const column = item.codes[b]!;
    counts[row]![column]!++;
    rowTotals[row]!++;
    columnTotals[column]!++;
    n++;
  }
  return { raterA, raterB, categories: [...categories], counts, rowTotals, columnTotals, n };
}
