import { describe, expect, it } from "vitest";
import { cellStaleness, chartStaleness, notebookStaleness, staleCellIds, type CellInputsNow } from "./cell-staleness";
import type { CellProvenance, NotebookCell } from "./notebook-cell";

const PROJECTION = "projection:7f3e";

const provenance: CellProvenance = {
  ranAt: "2026-11-21T14:03:00.000Z",
  sourceHash: "src-1",
  inputHash: "in-1",
  models: [],
  counts: {},
  fingerprints: [
    { source: "labels", token: "10@t1" },
    { source: PROJECTION, token: "2@t1" },
  ],
};

const sql = (id: string, position: number, ran: CellProvenance | null = provenance): NotebookCell => ({
  id,
  position,
  kind: "sql",
  source: "SELECT 1",
  settings: {},
  output: null,
  provenance: ran,
});
const chart = (id: string, position: number, sourceCellId: string | null): Extract<NotebookCell, { kind: "chart" }> => ({
  id,
  position,
  kind: "chart",
  source: "",
  settings: { sourceCellId, spec: { type: "bar", x: "a", aggregate: "count" } },
  output: null,
  provenance: null,
});
const markdown: NotebookCell = { id: "md", position: 0, kind: "markdown", source: "# a", settings: {}, output: null, provenance: null };

const same: CellInputsNow = { sourceHash: "src-1", fingerprints: new Map([["labels", "10@t1"], [PROJECTION, "2@t1"]]) };
const labelsChanged: CellInputsNow = { ...same, fingerprints: new Map([["labels", "11@t2"], [PROJECTION, "2@t1"]]) };

describe("cellStaleness", () => {
  it("calls markdown fresh whatever the inputs", () => {
    expect(cellStaleness(markdown, { sourceHash: "other", fingerprints: new Map() })).toEqual({ state: "fresh", reasons: [] });
  });

  it("calls a cell without provenance never run", () => {
    expect(cellStaleness(sql("a", 1, null), same)).toEqual({ state: "never-run", reasons: [] });
  });

  it("calls a cell fresh when its source and every fingerprint are unchanged", () => {
    expect(cellStaleness(sql("a", 1), same)).toEqual({ state: "fresh", reasons: [] });
  });

  it("calls a cell stale when its source changed", () => {
    expect(cellStaleness(sql("a", 1), { ...same, sourceHash: "src-2" })).toEqual({ state: "stale", reasons: ["the cell changed since it ran"] });
  });

  it("names each data source that changed", () => {
    expect(cellStaleness(sql("a", 1), labelsChanged)).toEqual({ state: "stale", reasons: ["labels changed since the run"] });
    const recomputed = { ...same, fingerprints: new Map([["labels", "10@t1"], [PROJECTION, "3@t2"]]) };
    expect(cellStaleness(sql("a", 1), recomputed).reasons).toEqual(["projection 7f3e was recomputed"]);
  });

  it("names sources that no longer exist", () => {
    expect(cellStaleness(sql("a", 1), { sourceHash: "src-1", fingerprints: new Map([["labels", "10@t1"]]) })).toEqual({
      state: "stale",
      reasons: ["projection 7f3e no longer exists"],
    });
    expect(cellStaleness(sql("a", 1), { sourceHash: "src-1", fingerprints: new Map([[PROJECTION, "2@t1"]]) }).reasons).toEqual([
      "the current state of labels is unknown",
    ]);
  });

  it("lists the source change first, then data sources in recorded order", () => {
    expect(cellStaleness(sql("a", 1), { sourceHash: "src-2", fingerprints: new Map([["labels", "x"]]) }).reasons).toEqual([
      "the cell changed since it ran",
      "labels changed since the run",
      "projection 7f3e no longer exists",
    ]);
  });

  it("ignores sources the server reports that the cell did not read", () => {
    const more = { ...same, fingerprints: new Map([...same.fingerprints, ["analyses", "1@t9"]]) };
    expect(cellStaleness(sql("a", 1), more).state).toBe("fresh");
  });
});

describe("chartStaleness", () => {
  const source = sql("q", 1);
  it("follows its SQL cell", () => {
    expect(chartStaleness(chart("c", 2, "q"), source, { state: "fresh", reasons: [] })).toEqual({ state: "fresh", reasons: [] });
    expect(chartStaleness(chart("c", 2, "q"), source, { state: "stale", reasons: ["labels changed since the run"] })).toEqual({
      state: "stale",
      reasons: ["its SQL cell is stale: labels changed since the run"],
    });
    expect(chartStaleness(chart("c", 2, "q"), source, { state: "never-run", reasons: [] })).toEqual({ state: "never-run", reasons: ["the chart's SQL cell has not run"] });
  });

  it("is never run without a usable source cell", () => {
    expect(chartStaleness(chart("c", 2, null), undefined, undefined).reasons).toEqual(["the chart has no source cell"]);
    expect(chartStaleness(chart("c", 2, "gone"), undefined, undefined).reasons).toEqual(["the chart's source cell no longer exists"]);
    expect(chartStaleness(chart("c", 2, "md"), markdown, { state: "fresh", reasons: [] })).toEqual({
      state: "never-run",
      reasons: ["the chart's source cell is not a SQL cell"],
    });
  });
});

describe("notebookStaleness and staleCellIds", () => {
  // Out of position order on purpose; the chart of "q2" comes before it in the array.
  const cells: NotebookCell[] = [sql("q3", 3), chart("c2", 4, "q2"), sql("q2", 2), sql("q1", 1), markdown, sql("new", 5, null), chart("c1", 6, "q1")];
  const now = new Map<string, CellInputsNow>([
    ["q1", same],
    ["q2", labelsChanged],
    ["q3", { ...same, sourceHash: "edited" }],
    ["new", same],
  ]);

  it("judges every cell, charts after their source", () => {
    const staleness = notebookStaleness(cells, now);
    expect(Object.fromEntries([...staleness].map(([id, value]) => [id, value.state]))).toEqual({
      md: "fresh",
      q1: "fresh",
      q2: "stale",
      q3: "stale",
      new: "never-run",
      c1: "fresh",
      c2: "stale",
    });
  });

  it("leaves out cells it was given no current inputs for", () => {
    expect(notebookStaleness([sql("q9", 1)], new Map()).has("q9")).toBe(false);
  });

  it("lists stale SQL cells once each in document order, charts by their source", () => {
    expect(staleCellIds(cells, now)).toEqual(["q2", "q3"]);
    expect(staleCellIds([chart("c", 1, "q"), sql("q", 0)], new Map([["q", labelsChanged]]))).toEqual(["q"]);
    expect(staleCellIds(cells, new Map([["q1", same]]))).toEqual([]);
  });
});
