import { describe, expect, it } from "vitest";
import { openTab, splitRight } from "./editor-groups";
import { DEFAULT_LAYOUT, PANEL_HEIGHT, parseLayout, SIDE_BAR_WIDTH, serialiseLayout, type WorkbenchLayout } from "./layout-state";

const customised: WorkbenchLayout = {
  sideBar: { visible: false, width: 410, view: "search" },
  panel: { visible: true, height: 300, tab: "problems" },
  editors: splitRight(openTab(openTab(DEFAULT_LAYOUT.editors, { key: "r1", title: "one.wav" }), { key: "r2", title: "two.wav" })),
};

function stored(layout: Record<string, unknown>): string {
  return JSON.stringify({ version: 1, layout });
}

describe("parseLayout", () => {
  it("round-trips a layout through serialiseLayout", () => {
    expect(parseLayout(serialiseLayout(customised))).toEqual(customised);
  });

  it("does not store a tab's pending seek", () => {
    const layout = { ...DEFAULT_LAYOUT, editors: openTab(DEFAULT_LAYOUT.editors, { key: "r1", title: "one.wav", atSeconds: 4 }) };
    expect(serialiseLayout(layout)).not.toContain("atSeconds");
    expect(parseLayout(serialiseLayout(layout)).editors.groups[0]?.tabs).toEqual([{ key: "r1", title: "one.wav" }]);
  });

  it("falls back to the defaults for nothing, bad JSON, another version or a non-object", () => {
    expect(parseLayout(null)).toBe(DEFAULT_LAYOUT);
    expect(parseLayout("{not json")).toBe(DEFAULT_LAYOUT);
    expect(parseLayout(JSON.stringify({ version: 2, layout: {} }))).toBe(DEFAULT_LAYOUT);
    expect(parseLayout("42")).toBe(DEFAULT_LAYOUT);
  });

  it("replaces only the malformed section with its default", () => {
    const raw = JSON.parse(serialiseLayout(customised)) as { layout: Record<string, unknown> };
    const layout = parseLayout(stored({ ...raw.layout, panel: { visible: "yes", height: 100, tab: "jobs" } }));
    expect(layout.panel).toEqual(DEFAULT_LAYOUT.panel);
    expect(layout.sideBar).toEqual(customised.sideBar);
    expect(layout.editors).toEqual(customised.editors);
  });

  it("rejects a view or panel tab this build does not know", () => {
    const layout = parseLayout(stored({ sideBar: { visible: true, width: 300, view: "timeline" }, panel: { visible: true, height: 200, tab: "terminal" } }));
    expect(layout.sideBar).toEqual(DEFAULT_LAYOUT.sideBar);
    expect(layout.panel).toEqual(DEFAULT_LAYOUT.panel);
  });

  it("clamps sizes into their limits", () => {
    const layout = parseLayout(stored({ sideBar: { visible: true, width: 5, view: "explorer" }, panel: { visible: true, height: 1e6, tab: "jobs" } }));
    expect(layout.sideBar.width).toBe(SIDE_BAR_WIDTH.min);
    expect(layout.panel.height).toBe(PANEL_HEIGHT.max);
  });

  it("repairs editor groups: duplicate tabs, a missing active tab, an empty second group, a focus out of range", () => {
    const layout = parseLayout(
      stored({
        editors: {
          groups: [
            { tabs: [{ key: "a", title: "a" }, { key: "a", title: "again" }, { key: "b", title: "b" }], activeId: "gone" },
            { tabs: [], activeId: null },
          ],
          activeGroup: 1,
        },
      }),
    );
    expect(layout.editors).toEqual({
      groups: [{ tabs: [{ key: "a", title: "a" }, { key: "b", title: "b" }], activeId: "a" }],
      activeGroup: 0,
    });
  });

  it("drops an empty first group when the second one has tabs", () => {
    const layout = parseLayout(
      stored({ editors: { groups: [{ tabs: [], activeId: null }, { tabs: [{ key: "x", title: "x" }], activeId: "x" }], activeGroup: 1 } }),
    );
    expect(layout.editors).toEqual({ groups: [{ tabs: [{ key: "x", title: "x" }], activeId: "x" }], activeGroup: 0 });
  });

  it("rejects more than two groups", () => {
    const group = { tabs: [{ key: "x", title: "x" }], activeId: "x" };
    expect(parseLayout(stored({ editors: { groups: [group, group, group], activeGroup: 0 } })).editors).toEqual(DEFAULT_LAYOUT.editors);
  });
});
