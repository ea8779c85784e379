import { describe, expect, it } from "vitest";
import { CommandRegistry, DuplicateCommandError, UnknownCommandError } from "./command-registry";

describe("CommandRegistry", () => {
  it("runs a registered command and forgets it once disposed", async () => {
    const registry = new CommandRegistry();
    let runs = 0;
    const dispose = registry.register({ id: "test.count", title: "Count", category: "Test", run: () => void runs++ });
    expect(await registry.execute("test.count", {})).toBe(true);
    expect(runs).toBe(1);
    dispose();
    await expect(registry.execute("test.count", {})).rejects.toThrow(UnknownCommandError);
  });

  it("throws on a duplicate id", () => {
    const registry = new CommandRegistry();
    registry.register({ id: "test.one", title: "One", category: "Test", run: () => undefined });
    expect(() => registry.register({ id: "test.one", title: "Again", category: "Test", run: () => undefined })).toThrow(DuplicateCommandError);
  });

  it("skips a command whose when condition is false, in execute and in menus", async () => {
    const registry = new CommandRegistry();
    let runs = 0;
    registry.register({
      id: "test.region",
      title: "Region only",
      category: "Test",
      when: (context) => context.regionSelected === true,
      menus: [{ menu: "editor/context" }],
      run: () => void runs++,
    });
    expect(await registry.execute("test.region", {})).toBe(false);
    expect(registry.menu("editor/context", {})).toEqual([]);
    expect(await registry.execute("test.region", { regionSelected: true })).toBe(true);
    expect(registry.menu("editor/context", { regionSelected: true }).map((entry) => entry.command.id)).toEqual(["test.region"]);
    expect(runs).toBe(1);
  });

  it("orders menus by group then order, and notifies subscribers with a new snapshot", () => {
    const registry = new CommandRegistry();
    const seen: number[] = [];
    registry.subscribe(() => seen.push(registry.list().length));
    registry.register({ id: "b", title: "B", category: "T", menus: [{ menu: "view/title", group: "2", order: 1 }], run: () => undefined });
    const first = registry.list();
    registry.register({ id: "a", title: "A", category: "T", menus: [{ menu: "view/title", group: "1", order: 5 }], run: () => undefined });
    registry.register({ id: "c", title: "C", category: "T", menus: [{ menu: "view/title", group: "1", order: 1 }], run: () => undefined });
    expect(registry.menu("view/title", {}).map((entry) => entry.command.id)).toEqual(["c", "a", "b"]);
    expect(seen).toEqual([1, 2, 3]);
    expect(registry.list()).not.toBe(first);
  });
});
