import { describe, expect, it } from "vitest";
import { changeCellKind, deleteCell, insertCell, moveCell, neighbourAfterDelete, newCell, sqlCellsAbove } from "./notebook-editing";

const ids = (cells: { id: string }[]) => cells.map((cell) => cell.id);
const three = () => [newCell("markdown", "m", "# Title"), newCell("sql", "s", "SELECT 1"), newCell("view", "v")].map((cell, position) => ({ ...cell, position }));

describe("editing a notebook's cells", () => {
  it("inserts at an index, clamped, and renumbers positions", () => {
    const cells = insertCell(three(), 1, newCell("sql", "n"));
    expect(ids(cells)).toEqual(["m", "n", "s", "v"]);
    expect(cells.map((cell) => cell.position)).toEqual([0, 1, 2, 3]);
    expect(ids(insertCell(three(), 99, newCell("sql", "z")))).toEqual(["m", "s", "v", "z"]);
  });

  it("moves a cell and stops at the ends", () => {
    expect(ids(moveCell(three(), "s", -1))).toEqual(["s", "m", "v"]);
    expect(ids(moveCell(three(), "v", 1))).toEqual(["m", "s", "v"]);
  });

  it("deletes and selects the next cell, else the previous", () => {
    expect(ids(deleteCell(three(), "s"))).toEqual(["m", "v"]);
    expect(neighbourAfterDelete(three(), "s")).toBe("v");
    expect(neighbourAfterDelete(three(), "v")).toBe("s");
    expect(neighbourAfterDelete([newCell("sql", "only")], "only")).toBeNull();
  });

  it("changes kind keeping the text and dropping the output", () => {
    const ran = three().map((cell) => (cell.id === "s" ? { ...cell, output: { kind: "error" as const, code: "X", message: "x" } } : cell));
    const changed = changeCellKind(ran, "s", "markdown").find((cell) => cell.id === "s")!;
    expect(changed).toMatchObject({ kind: "markdown", source: "SELECT 1", output: null, settings: {}, position: 1 });
  });

  it("lists SQL cells above a cell, nearest first", () => {
    const cells = insertCell(three(), 3, newCell("sql", "s2"));
    expect(ids(sqlCellsAbove(cells, "s2"))).toEqual(["s"]);
    expect(ids(sqlCellsAbove(cells, "missing"))).toEqual(["s2", "s"]);
  });
});
