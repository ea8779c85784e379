import { ArrayShapeError } from "../array-shape-error";
import { regularizedGammaQ } from "./gamma";
import { StatisticsInputError } from "./statistics-input-error";

export interface ChiSquareOptions {
  /**
   * Yates' continuity correction, applied only when there is one degree of
   * freedom (a 2×2 table), exactly as scipy.stats.chi2_contingency does with
   * correction=True. Default false: the plain Pearson statistic.
   */
  yates?: boolean;
}

export interface ChiSquareResult {
  /** Pearson's X² on the kept columns (Yates-corrected when asked for and dof is 1). */
  statistic: number;
  /** (rows − 1)(kept columns − 1). */
  dof: number;
  /** Upper tail of χ²(dof) at the statistic; 1 when dof is 0. */
  p: number;
  /** Expected counts under independence, rows × kept columns. */
  expected: number[][];
  /** Indices of the input columns that were tested, in order. */
  keptColumns: number[];
  /** Indices of columns with no counts in any row (an emotion nobody showed): they carry no information and would make expected counts 0. */
  droppedColumns: number[];
  /** Cramér's V from the uncorrected statistic, in [0, 1]; 0 when dof is 0. */
  cramersV: number;
}

/**
 * Chi-square test of independence on an r×c table of counts (rows: cohorts,
 * columns: emotions). Matches scipy.stats.chi2_contingency(table,
 * correction=yates) on the table without its all-zero columns, and
 * scipy.stats.contingency.association(method="cramer") for V.
 */
export function chiSquareIndependence(table: readonly (readonly number[])[], options: ChiSquareOptions = {}): ChiSquareResult {
  const rows = table.length;
  const columns = table[0]?.length ?? 0;
  if (rows === 0 || columns === 0) throw new StatisticsInputError("STATISTICS_EMPTY_SAMPLE", "chi-square needs a table with at least one row and one column");
  table.forEach((row, r) => {
    if (row.length !== columns) throw new ArrayShapeError(`chi-square: row ${r} has ${row.length} columns, row 0 has ${columns}`);
    row.forEach((count, c) => {
      if (!(count >= 0) || count === Infinity) throw new StatisticsInputError("STATISTICS_INVALID_COUNT", `chi-square: count at row ${r}, column ${c} is ${count}; counts must be finite and ≥ 0`);
    });
  });

  const rowTotals = table.map((row) => row.reduce((sum, count) => sum + count, 0));
  const columnTotals = Array.from({ length: columns }, (_, c) => table.reduce((sum, row) => sum + row[c]!, 0));
  const emptyRow = rowTotals.findIndex((total) => total === 0);
  if (emptyRow >= 0) {
    throw new StatisticsInputError("STATISTICS_EMPTY_SAMPLE", `chi-square: row ${emptyRow} has no counts; leave that group out of the comparison`);
  }
  const keptColumns: number[] = [];
  const droppedColumns: number[] = [];
  columnTotals.forEach((total, c) => (total > 0 ? keptColumns : droppedColumns).push(c));
  const total = rowTotals.reduce((sum, value) => sum + value, 0);

  const expected = rowTotals.map((rowTotal) => keptColumns.map((c) => (rowTotal * columnTotals[c]!) / total));
  const dof = (rows - 1) * (keptColumns.length - 1);
  if (dof === 0) return { statistic: 0, dof, p: 1, expected, keptColumns, droppedColumns, cramersV: 0 };

  const pearson = statistic(table, expected, keptColumns, false);
  const corrected = options.yates === true && dof === 1 ? statistic(table, expected, keptColumns, true) : pearson;
  const cramersV = Math.sqrt(pearson / (total * (Math.min(rows, keptColumns.length) - 1)));
  return { statistic: corrected, dof, p: chiSquareSurvival(corrected, dof), expected, keptColumns, droppedColumns, cramersV };
}

/** P(χ²(dof) > x) (scipy.stats.chi2.sf), accurate far into the tail. */
export function chiSquareSurvival(x: number, dof: number): number {
  if (!(dof > 0)) throw new StatisticsInputError("STATISTICS_INVALID_ARGUMENT", `chi-square needs dof > 0, got ${dof}`);
  if (!(x > 0)) return 1;
  return regularizedGammaQ(dof / 2, x / 2);
}

function statistic(table: readonly (readonly number[])[], expected: number[][], keptColumns: number[], yates: boolean): number {
  let sum = 0;
  table.forEach((row, r) => {
    keptColumns.forEach((c, k) => {
      const e = expected[r]![k]!;
      let difference = row[c]! - e;
      // Yates moves each count half a unit toward its expectation, never past it (SciPy gh-13875).
      if (yates) difference = Math.sign(difference) * Math.max(0, Math.abs(difference) - 0.5);
      sum += (difference * difference) / e;
    });
  });
  return sum;
}
