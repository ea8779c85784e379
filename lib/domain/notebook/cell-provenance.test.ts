import { describe, expect, it } from "vitest";
import { cellSourceMaterial, describeProvenance, parseCellProvenance, provenanceInputMaterial } from "./cell-provenance";
import { PROVENANCE } from "./testing/notebook-fixture";

describe("provenanceInputMaterial", () => {
  it("is the same whatever order the fingerprints come in", () => {
    const a = { source: "labels", token: "1@t" };
    const b = { source: "analyses", token: "2@t" };
    const c = { source: "projection:p", token: "3@t" };
    expect(provenanceInputMaterial("h", [a, b, c])).toBe(provenanceInputMaterial("h", [c, a, b]));
    expect(provenanceInputMaterial("h", [a, b, c])).toBe(
      '{"fingerprints":[{"source":"analyses","token":"2@t"},{"source":"labels","token":"1@t"},{"source":"projection:p","token":"3@t"}],"sourceHash":"h","version":1}',
    );
  });

  it("changes when the source hash or any token changes", () => {
    const base = provenanceInputMaterial("h", [{ source: "labels", token: "1" }]);
    expect(provenanceInputMaterial("h2", [{ source: "labels", token: "1" }])).not.toBe(base);
    expect(provenanceInputMaterial("h", [{ source: "labels", token: "2" }])).not.toBe(base);
    expect(provenanceInputMaterial("h", [])).not.toBe(base);
  });
});

describe("cellSourceMaterial", () => {
  it("does not depend on the key order of the settings", () => {
    const spec1 = { type: "bar", x: "a", aggregate: "count" };
    const spec2 = { aggregate: "count", x: "a", type: "bar" };
    expect(cellSourceMaterial("chart", "", { spec: spec1, sourceCellId: "q" })).toBe(cellSourceMaterial("chart", "", { sourceCellId: "q", spec: spec2 }));
    expect(cellSourceMaterial("sql", "SELECT 1", { limit: 5 })).toBe('{"kind":"sql","settings":{"limit":5},"source":"SELECT 1","version":1}');
  });

  it("tells kind, source and settings apart", () => {
    const base = cellSourceMaterial("sql", "SELECT 1", {});
    expect(cellSourceMaterial("sql", "SELECT 2", {})).not.toBe(base);
    expect(cellSourceMaterial("sql", "SELECT 1", { limit: 1 })).not.toBe(base);
    expect(cellSourceMaterial("markdown", "SELECT 1", {})).not.toBe(base);
  });
});

describe("describeProvenance", () => {
  it("writes the time in UTC, the models, the counts in a fixed order and the short input hash", () => {
    expect(describeProvenance(PROVENANCE)).toEqual([
      "Ran 21 Nov 2026 14:03 UTC",
      "Models: emotion2vec-plus-base 1.0",
      "Rows 3 · recordings 120 · labels 340",
      "Inputs a1b2c3d4e5f6",
    ]);
  });

  it("leaves out empty models and counts and groups large numbers", () => {
    expect(describeProvenance({ ...PROVENANCE, models: [], counts: { zeta: 1, points: 12400 } })).toEqual([
      "Ran 21 Nov 2026 14:03 UTC",
      "Points 12,400 · zeta 1",
      "Inputs a1b2c3d4e5f6",
    ]);
    expect(describeProvenance({ ...PROVENANCE, models: [], counts: {} })).toEqual(["Ran 21 Nov 2026 14:03 UTC", "Inputs a1b2c3d4e5f6"]);
  });
});

describe("parseCellProvenance", () => {
  it("reads provenance back from JSON", () => {
    expect(parseCellProvenance(JSON.parse(JSON.stringify(PROVENANCE)))).toEqual(PROVENANCE);
    expect(parseCellProvenance({ ...PROVENANCE, ranAt: "2026-11-21T15:03:00+01:00", extra: 1 })).toEqual({ ...PROVENANCE, ranAt: "2026-11-21T15:03:00+01:00" });
  });

  it("returns null for nothing and for anything misshapen", () => {
    expect(parseCellProvenance(null)).toBeNull();
    expect(parseCellProvenance(undefined)).toBeNull();
    expect(parseCellProvenance("x")).toBeNull();
    expect(parseCellProvenance({ ...PROVENANCE, ranAt: "yesterday" })).toBeNull();
    expect(parseCellProvenance({ ...PROVENANCE, counts: { rows: -1 } })).toBeNull();
    expect(parseCellProvenance({ ...PROVENANCE, fingerprints: [{ source: "labels" }] })).toBeNull();
    const withoutInputHash: Record<string, unknown> = { ...PROVENANCE };
    delete withoutInputHash.inputHash;
    expect(parseCellProvenance(withoutInputHash)).toBeNull();
  });
});
