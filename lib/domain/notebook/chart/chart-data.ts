import type { ChartSpec, ChartType, NotebookTableColumn, NotebookTableValue } from "../notebook-cell";
import { boxStats } from "./box-stats";
import { describeColumnContent, isNumericColumn, keyOf, numberOf, sortTemporalOrNumericKeys } from "./chart-columns";
import type { ChartBoxPoint, ChartData, ChartFacet, ChartProblem, ChartScatterPoint, ChartValuePoint, ChartXAxis } from "./chart-data-types";

/**
 * Turns a SQL cell's result table and a chart spec into facets, series and
 * points, or a problem a researcher can fix. Rows missing a value the chart
 * needs are skipped and counted rather than failing the chart.
 */

/** Beyond these a chart is unreadable or too slow to draw as SVG; the problem says how to narrow the query. */
// 50,000 marks make an SVG of about 7 MB, which a browser still pans and redraws; 200,000 took seconds.
export const CHART_LIMITS = { facets: 60, series: 24, points: 50_000 } as const;

const TYPE_NAMES: Readonly<Record<ChartType, string>> = { bar: "a bar chart", line: "a line chart", scatter: "a scatter plot", box: "a box plot" };

interface Field {
  index: number;
  column: NotebookTableColumn;
  numeric: boolean;
}

interface ChartRecord {
  facet: string | null;
  colour: string | null;
  /** The x itself: numbers stay numbers (cheaper than writing them as text for 200k scatter rows). */
  x: string | number;
  /** The value, or 1 for a row that aggregate "count" counts. */
  y: number;
}

function count(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function field(columns: NotebookTableColumn[], rows: NotebookTableValue[][], role: string, name: string | undefined): Field | ChartProblem | null {
  if (name === undefined || name === "") return null;
  const index = columns.findIndex((column) => column.name === name);
  if (index < 0) return { problem: `${role} column "${name}" is not in the result` };
  return { index, column: columns[index]!, numeric: isNumericColumn(columns[index]!, rows, index) };
}

function needsNumber(subject: string, axis: "x" | "y", value: Field): ChartProblem | null {
  return value.numeric ? null : { problem: `${subject} needs a numeric ${axis}; "${value.column.name}" holds ${describeColumnContent(value.column)}` };
}

interface Fields {
  x: Field;
  y: Field | null;
  colour: Field | null;
  facet: Field | null;
}

function resolveFields(columns: NotebookTableColumn[], rows: NotebookTableValue[][], spec: ChartSpec): Fields | ChartProblem {
  if (!spec.x) return { problem: "choose an x column" };
  const x = field(columns, rows, "x", spec.x);
  const y = field(columns, rows, "y", spec.y);
  const colour = field(columns, rows, "colour", spec.colour);
  const facet = field(columns, rows, "facet", spec.facet);
  for (const resolved of [x, y, colour, facet]) if (resolved && "problem" in resolved) return resolved;
  const fields = { x, y, colour, facet } as Fields;

  const aggregated = spec.type === "bar" || spec.type === "line";
  if (!fields.y && !(aggregated && spec.aggregate === "count")) {
    return { problem: aggregated ? `aggregate "${spec.aggregate}" needs a y column` : `${TYPE_NAMES[spec.type]} needs a y column` };
  }
  if (spec.type === "scatter") return needsNumber("a scatter plot", "x", fields.x) ?? needsNumber("a scatter plot", "y", fields.y!) ?? fields;
  if (spec.type === "box") return needsNumber("a box plot", "y", fields.y!) ?? fields;
  if (spec.aggregate === "none") return needsNumber(TYPE_NAMES[spec.type], "y", fields.y!) ?? fields;
  if (spec.aggregate !== "count") return needsNumber(`aggregate "${spec.aggregate}"`, "y", fields.y!) ?? fields;
  return fields;
}

/** The x of one row, or null when the row has none the chart can place. */
function xOf(value: NotebookTableValue | undefined, numeric: boolean): string | number | null {
  return numeric ? numberOf(value) : keyOf(value);
}

function readRecords(rows: NotebookTableValue[][], fields: Fields, spec: ChartSpec, xNumeric: boolean): { records: ChartRecord[]; skipped: number } {
  const records: ChartRecord[] = [];
  let skipped = 0;
  const counting = spec.aggregate === "count" && (spec.type === "bar" || spec.type === "line");
  for (const row of rows) {
    const facet = fields.facet ? keyOf(row[fields.facet.index]) : null;
    const colour = fields.colour ? keyOf(row[fields.colour.index]) : null;
    const x = xOf(row[fields.x.index], xNumeric);
    // Count is COUNT(y) when y is chosen (non-empty y of any type), COUNT(*) when not.
    const y = counting ? (!fields.y || keyOf(row[fields.y.index]) !== null ? 1 : null) : numberOf(row[fields.y!.index]);
    if ((fields.facet && facet === null) || (fields.colour && colour === null) || x === null || y === null) {
      skipped++;
      continue;
    }
    records.push({ facet, colour, x, y });
  }
  return { records, skipped };
}

/** Distinct keys of `pick` in first-appearance order, or ascending when the column is numeric. */
function orderedKeys<K extends string | number>(records: readonly ChartRecord[], pick: (record: ChartRecord) => K | null, numeric: boolean): K[] {
  const keys = [...new Set(records.map(pick).filter((key): key is K => key !== null))];
  return numeric ? keys.sort((a, b) => Number(a) - Number(b)) : keys;
}

function groupRecords<P>(
  records: readonly ChartRecord[],
  facetKeys: readonly (string | null)[],
  colourKeys: readonly (string | null)[],
  build: (records: ChartRecord[]) => P[],
): ChartFacet<P>[] {
  const groups = new Map<string | null, Map<string | null, ChartRecord[]>>(facetKeys.map((key) => [key, new Map(colourKeys.map((colour) => [colour, []]))]));
  for (const record of records) groups.get(record.facet)!.get(record.colour)!.push(record);
  return facetKeys.map((key) => ({
    key,
    series: colourKeys
      .map((colour) => ({ key: colour, points: build(groups.get(key)!.get(colour)!) }))
      .filter((series) => series.points.length > 0),
  }));
}

function valuePoints(records: ChartRecord[], aggregate: ChartSpec["aggregate"], rank: (record: ChartRecord) => number): ChartValuePoint[] {
  const ordered = [...records].sort((a, b) => rank(a) - rank(b));
  if (aggregate === "none") return ordered.map((record) => ({ x: record.x, y: record.y, rows: 1 }));
  const groups = new Map<string | number, { x: string | number; sum: number; rows: number }>();
  for (const record of ordered) {
    const group = groups.get(record.x) ?? { x: record.x, sum: 0, rows: 0 };
    group.sum += record.y;
    group.rows += 1;
    groups.set(record.x, group);
  }
  return [...groups.values()].map((group) => ({ x: group.x, y: aggregate === "mean" ? group.sum / group.rows : group.sum, rows: group.rows }));
}

function boxPoints(records: ChartRecord[], rank: (record: ChartRecord) => number): ChartBoxPoint[] {
  const groups = new Map<string | number, number[]>();
  for (const record of [...records].sort((a, b) => rank(a) - rank(b))) {
    const values = groups.get(record.x) ?? [];
    values.push(record.y);
    groups.set(record.x, values);
  }
  return [...groups.entries()].map(([x, values]) => ({ x: String(x), stats: boxStats(values) }));
}

function extent(values: Iterable<number>, includeZero: boolean): [number, number] {
  let min = includeZero ? 0 : Infinity;
  let max = includeZero ? 0 : -Infinity;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return [min, max];
}

function buildFacets(records: ChartRecord[], spec: ChartSpec, facetKeys: (string | null)[], colourKeys: (string | null)[], rank: (record: ChartRecord) => number) {
  if (spec.type === "scatter") {
    const facets = groupRecords<ChartScatterPoint>(records, facetKeys, colourKeys, (group) => group.map((record) => ({ x: record.x as number, y: record.y })));
    const points = facets.flatMap((facet) => facet.series.flatMap((series) => series.points));
    return { type: spec.type, facets, yDomain: extent(points.map((point) => point.y), false), pointCount: points.length };
  }
  if (spec.type === "box") {
    const facets = groupRecords(records, facetKeys, colourKeys, (group) => boxPoints(group, rank));
    const boxes = facets.flatMap((facet) => facet.series.flatMap((series) => series.points));
    const yDomain = extent(boxes.flatMap((box) => [box.stats.min, box.stats.max]), false);
    return { type: spec.type, facets, yDomain, pointCount: boxes.reduce((sum, box) => sum + 1 + box.stats.outliers.length, 0) };
  }
  const facets = groupRecords(records, facetKeys, colourKeys, (group) => valuePoints(group, spec.aggregate, rank));
  const points = facets.flatMap((facet) => facet.series.flatMap((series) => series.points));
  return { type: spec.type, facets, yDomain: extent(points.map((point) => point.y), spec.type === "bar"), pointCount: points.length };
}

/** Facets, series and points for `spec` over a result table, or the problem that stops it being drawn. */
export function buildChartData(columns: NotebookTableColumn[], rows: NotebookTableValue[][], spec: ChartSpec): ChartData | ChartProblem {
  const fields = resolveFields(columns, rows, spec);
  if ("problem" in fields) return fields;
  if (rows.length === 0) return { problem: "the result has no rows to chart" };

  const xNumeric = spec.type === "scatter" || (spec.type === "line" && fields.x.numeric);
  const { records, skipped } = readRecords(rows, fields, spec, xNumeric || fields.x.numeric);
  if (records.length === 0) {
    const used = [fields.x, fields.y, fields.colour, fields.facet].filter((value): value is Field => value !== null);
    return { problem: `none of the ${count(rows.length)} rows has a usable value in each of ${used.map((value) => `"${value.column.name}"`).join(", ")}` };
  }

  const facetKeys = fields.facet ? orderedKeys(records, (record) => record.facet, fields.facet.numeric) : [null];
  if (facetKeys.length > CHART_LIMITS.facets) {
    return { problem: `facet "${fields.facet!.column.name}" has ${count(facetKeys.length)} values; a chart shows at most ${CHART_LIMITS.facets} facets` };
  }
  const colourKeys = fields.colour ? orderedKeys(records, (record) => record.colour, fields.colour.numeric) : [null];
  if (colourKeys.length > CHART_LIMITS.series) {
    return { problem: `colour "${fields.colour!.column.name}" has ${count(colourKeys.length)} values; a chart shows at most ${CHART_LIMITS.series} colours` };
  }

  let x: ChartXAxis;
  let rank: (record: ChartRecord) => number;
  if (xNumeric) {
    x = { kind: "number", domain: extent(records.map((record) => record.x as number), false) };
    rank = (record) => record.x as number;
  } else {
    let keys = orderedKeys(records, (record) => record.x, fields.x.numeric);
    if (spec.type === "line" && !fields.x.numeric) keys = sortTemporalOrNumericKeys(keys as string[]);
    const ranks = new Map(keys.map((key, index) => [key, index]));
    rank = (record) => ranks.get(record.x)!;
    x = { kind: "category", values: spec.type === "box" ? keys.map(String) : keys };
  }

  const built = buildFacets(records, spec, facetKeys, colourKeys, rank);
  if (built.pointCount > CHART_LIMITS.points) {
    return {
      problem: `the chart would draw ${count(built.pointCount)} marks; at most ${count(CHART_LIMITS.points)} can be drawn: aggregate, or narrow the query with WHERE or LIMIT`,
    };
  }
  return { ...built, x, colourKeys: fields.colour ? (colourKeys as string[]) : [], skippedRows: skipped };
}
