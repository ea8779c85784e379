import { type CsvValue, toCsv } from "../csv-table";

export interface ProjectionPointsCsvInput {
  /** Names of the columns after the coordinates, e.g. recording, patient, cohort, label. */
  columns: readonly string[];
  /** x, y pairs, one per point. */
  coordinates: Float32Array;
  /** The metadata cells of point `index`, one per column. */
  rowValues(index: number): readonly CsvValue[];
  /** Points to write, in this order (e.g. the selection); default all. */
  indices?: ArrayLike<number>;
  /** Header of the two coordinate columns; default x, y. */
  coordinateColumns?: readonly [string, string];
}

/** The projection's coordinates with each point's metadata, as CSV a spreadsheet opens (see csv-table for quoting and formula safety). */
export function projectionPointsToCsv(input: ProjectionPointsCsvInput): string {
  const header = [...(input.coordinateColumns ?? ["x", "y"]), ...input.columns];
  const count = input.indices ? input.indices.length : input.coordinates.length / 2;
  function* rows(): Generator<readonly CsvValue[]> {
    for (let position = 0; position < count; position++) {
      const index = input.indices ? input.indices[position]! : position;
      yield [shortestFloat32(input.coordinates[2 * index]!), shortestFloat32(input.coordinates[2 * index + 1]!), ...input.rowValues(index)];
    }
  }
  return toCsv(header, rows());
}

/**
 * The shortest decimal that reads back as the same float32, so a coordinate
 * stored as 0.1f is written "0.1" rather than "0.10000000149011612".
 */
export function shortestFloat32(value: number): number {
  if (!Number.isFinite(value)) return value;
  const target = Math.fround(value);
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(target.toPrecision(digits));
    if (Math.fround(candidate) === target) return candidate;
  }
  return Number(target.toPrecision(9));
}
