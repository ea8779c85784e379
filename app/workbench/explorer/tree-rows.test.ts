import { describe, expect, it } from "vitest";
import { nodeKey, ROOT_KEY } from "./explorer-path";
import type { ExplorerNode, ExplorerNodeKind } from "./explorer-types";
import { type ChildrenState, flattenTree, type TreeRow, treeKeyAction, typeAheadIndex } from "./tree-rows";

const counts = { unlabelled: 1, predicted: 0, in_progress: 0, labelled: 0, reviewed: 0 };
function node(kind: ExplorerNodeKind, id: string, name = id): ExplorerNode {
  if (kind !== "recording") return { kind, id, name, count: 1, statusCounts: counts };
  return {
    kind,
    id,
    name,
    count: 1,
    statusCounts: counts,
    trackIndex: -1,
    durationSeconds: 2,
    labelStatus: "unlabelled",
    humanEmotion: null,
    modelEmotion: null,
    modelConfidence: null,
    patientCode: null,
    sessionCode: null,
  };
}

const c1 = nodeKey(ROOT_KEY, node("corpus", "c1"));
const c2 = nodeKey(ROOT_KEY, node("corpus", "c2"));
const pilot = nodeKey(c1, node("cohort", "pilot"));
const noCohort = nodeKey(c1, node("cohort", "none"));

const LEVELS = new Map<string, ChildrenState>([
  [ROOT_KEY, { status: "loaded", nodes: [node("corpus", "c1", "Demo study"), node("corpus", "c2", "Pilot")] }],
  [c1, { status: "loaded", nodes: [node("cohort", "pilot", "pilot"), node("cohort", "none", "No cohort")] }],
  [pilot, { status: "loaded", nodes: [node("recording", "r1", "a.wav"), node("recording", "r2", "b.wav"), node("recording", "r3", "ab.wav")] }],
  [noCohort, { status: "loaded", nodes: [] }],
  [c2, { status: "error", message: "the database is unavailable" }],
]);
const childrenOf = (key: string) => LEVELS.get(key);

function summary(rows: readonly TreeRow[]): string[] {
  return rows.map((row) =>
    row.type === "node"
      ? `${"  ".repeat(row.level - 1)}${row.node.name} ${row.posInSet}/${row.setSize}${row.expandable ? (row.expanded ? " -" : " +") : ""}`
      : `${"  ".repeat(row.level - 1)}[${row.status}]`,
  );
}

describe("flattenTree", () => {
  it("shows only the top level when nothing is expanded", () => {
    expect(summary(flattenTree(childrenOf, new Set()))).toEqual(["Demo study 1/2 +", "Pilot 2/2 +"]);
  });

  it("shows expanded levels in order with level, position and set size", () => {
    const rows = flattenTree(childrenOf, new Set([c1, pilot]));
    expect(summary(rows)).toEqual(["Demo study 1/2 -", "  pilot 1/2 -", "    a.wav 1/3", "    b.wav 2/3", "    ab.wav 3/3", "  No cohort 2/2 +", "Pilot 2/2 +"]);
    expect(rows[2]).toMatchObject({ key: `${pilot}/recording:r1`, parentKey: pilot, level: 3 });
  });

  it("keeps an expanded descendant's state while its ancestor is collapsed", () => {
    expect(summary(flattenTree(childrenOf, new Set([pilot])))).toEqual(["Demo study 1/2 +", "Pilot 2/2 +"]);
  });

  it("shows a status row for a level that is loading, failed or emptied by the filter", () => {
    const rows = flattenTree(childrenOf, new Set([c1, noCohort, c2, nodeKey(c1, node("cohort", "later"))]));
    expect(summary(rows)).toEqual(["Demo study 1/2 -", "  pilot 1/2 +", "  No cohort 2/2 -", "    [empty]", "Pilot 2/2 -", "  [error]"]);
    expect(rows.at(-1)).toMatchObject({ status: "error", message: "the database is unavailable" });
    expect(summary(flattenTree(() => undefined, new Set()))).toEqual(["[loading]"]);
  });

  it("says so after a level the server cut short", () => {
    const rows = flattenTree(() => ({ status: "loaded", nodes: [node("recording", "r1")], truncated: true }), new Set());
    expect(summary(rows)).toEqual(["r1 1/1", "[truncated]"]);
  });

  it("shows nothing for an empty root (the view says so)", () => {
    expect(flattenTree(() => ({ status: "loaded", nodes: [] }), new Set())).toEqual([]);
  });

  it("flattens 100,000 recordings quickly enough to do on every change", () => {
    const many = Array.from({ length: 100_000 }, (_, index) => node("recording", `r${index}`, `session-${index}.wav`));
    const levels = new Map<string, ChildrenState>([
      [ROOT_KEY, { status: "loaded", nodes: [node("corpus", "big")] }],
      ["corpus:big", { status: "loaded", nodes: many }],
    ]);
    const started = performance.now();
    const rows = flattenTree((key) => levels.get(key), new Set(["corpus:big"]));
    expect(rows).toHaveLength(100_001);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("treeKeyAction", () => {
  const rows = flattenTree(childrenOf, new Set([c1, pilot, noCohort]));
  // 0 Demo study, 1 pilot, 2 a.wav, 3 b.wav, 4 ab.wav, 5 No cohort, 6 [empty], 7 Pilot

  it("moves up and down over node rows, skipping status rows, and stops at the ends", () => {
    expect(treeKeyAction(rows, 0, "ArrowDown")).toEqual({ type: "focus", index: 1 });
    expect(treeKeyAction(rows, 5, "ArrowDown")).toEqual({ type: "focus", index: 7 });
    expect(treeKeyAction(rows, 7, "ArrowUp")).toEqual({ type: "focus", index: 5 });
    expect(treeKeyAction(rows, 7, "ArrowDown")).toBeNull();
    expect(treeKeyAction(rows, 0, "ArrowUp")).toBeNull();
  });

  it("jumps to the first and last node with Home and End, and by pages", () => {
    expect(treeKeyAction(rows, 3, "Home")).toEqual({ type: "focus", index: 0 });
    expect(treeKeyAction(rows, 3, "End")).toEqual({ type: "focus", index: 7 });
    expect(treeKeyAction(rows, 0, "PageDown", 3)).toEqual({ type: "focus", index: 3 });
    expect(treeKeyAction(rows, 0, "PageDown", 50)).toEqual({ type: "focus", index: 7 });
    expect(treeKeyAction(rows, 7, "PageUp", 2)).toEqual({ type: "focus", index: 4 });
  });

  it("expands a closed folder with Right, then moves into it; does nothing on a recording", () => {
    expect(treeKeyAction(rows, 7, "ArrowRight")).toEqual({ type: "expand", key: c2 });
    expect(treeKeyAction(rows, 1, "ArrowRight")).toEqual({ type: "focus", index: 2 });
    expect(treeKeyAction(rows, 2, "ArrowRight")).toBeNull();
    // Expanded but its only row is a status row: nowhere to go.
    expect(treeKeyAction(rows, 5, "ArrowRight")).toBeNull();
  });

  it("collapses an open folder with Left, otherwise moves to the parent", () => {
    expect(treeKeyAction(rows, 1, "ArrowLeft")).toEqual({ type: "collapse", key: pilot });
    expect(treeKeyAction(rows, 3, "ArrowLeft")).toEqual({ type: "focus", index: 1 });
    expect(treeKeyAction(rows, 7, "ArrowLeft")).toBeNull();
  });

  it("opens with Enter and leaves other keys alone", () => {
    expect(treeKeyAction(rows, 3, "Enter")).toEqual({ type: "open", index: 3 });
    expect(treeKeyAction(rows, 3, "x")).toBeNull();
  });
});

describe("typeAheadIndex", () => {
  const rows = flattenTree(childrenOf, new Set([c1, pilot]));

  it("finds the next row starting with a letter, wrapping around", () => {
    expect(typeAheadIndex(rows, 2, "a")).toBe(4);
    expect(typeAheadIndex(rows, 4, "a")).toBe(2);
    expect(typeAheadIndex(rows, 0, "p")).toBe(1);
  });

  it("keeps the current row while more letters of its name are typed", () => {
    expect(typeAheadIndex(rows, 2, "a.")).toBe(2);
    expect(typeAheadIndex(rows, 2, "ab")).toBe(4);
    expect(typeAheadIndex(rows, 2, "zz")).toBeNull();
  });
});
