import { describe, expect, it } from "vitest";
import {
  activateTab,
  activeTab,
  closeActiveTab,
  closeTab,
  cycleTab,
  EMPTY_EDITOR_GROUPS,
  type EditorGroupsState,
  focusGroup,
  openTab,
  splitRight,
} from "./editor-groups";

const tab = (id: string) => ({ key: id, title: `${id}.wav` });
const ids = (state: EditorGroupsState, group = 0) => state.groups[group]?.tabs.map((entry) => entry.key);

function withTabs(...names: string[]): EditorGroupsState {
  return names.reduce((state, name) => openTab(state, tab(name)), EMPTY_EDITOR_GROUPS);
}

describe("openTab", () => {
  it("opens new tabs to the right of the active one and activates them", () => {
    let state = withTabs("a", "b");
    state = activateTab(state, 0, "a");
    state = openTab(state, tab("c"));
    expect(ids(state)).toEqual(["a", "c", "b"]);
    expect(activeTab(state)?.key).toBe("c");
  });

  it("re-activates a tab that is already open instead of opening it twice, keeping the new seek time", () => {
    let state = withTabs("a", "b");
    state = openTab(state, { ...tab("a"), atSeconds: 12.5 });
    expect(ids(state)).toEqual(["a", "b"]);
    expect(activeTab(state)).toEqual({ key: "a", title: "a.wav", atSeconds: 12.5 });
  });

  it("opens to the side in a second group made on demand, and focuses it", () => {
    const state = openTab(withTabs("a"), tab("b"), "side");
    expect(state.groups).toHaveLength(2);
    expect(ids(state, 0)).toEqual(["a"]);
    expect(ids(state, 1)).toEqual(["b"]);
    expect(state.activeGroup).toBe(1);
  });

  it("opens to the side in the other existing group rather than making a third", () => {
    let state = openTab(withTabs("a"), tab("b"), "side");
    state = openTab(state, tab("c"), "side");
    expect(state.groups).toHaveLength(2);
    expect(ids(state, 0)).toEqual(["a", "c"]);
    expect(state.activeGroup).toBe(0);
  });
});

describe("closeTab", () => {
  it("activates the right neighbour of the closed active tab, or the left one at the end", () => {
    let state = withTabs("a", "b", "c");
    state = activateTab(state, 0, "b");
    state = closeTab(state, 0, "b");
    expect(activeTab(state)?.key).toBe("c");
    state = closeTab(state, 0, "c");
    expect(activeTab(state)?.key).toBe("a");
  });

  it("keeps the active tab when another one closes", () => {
    const state = closeTab(withTabs("a", "b", "c"), 0, "a");
    expect(ids(state)).toEqual(["b", "c"]);
    expect(activeTab(state)?.key).toBe("c");
  });

  it("removes a second group when its last tab closes and focuses the remaining one", () => {
    let state = splitRight(withTabs("a"));
    expect(state.activeGroup).toBe(1);
    state = closeActiveTab(state);
    expect(state.groups).toHaveLength(1);
    expect(state.activeGroup).toBe(0);
    expect(activeTab(state)?.key).toBe("a");
  });

  it("removes the first group when it empties and the second one moves into its place", () => {
    let state = openTab(withTabs("a"), tab("b"), "side");
    state = closeTab(state, 0, "a");
    expect(state.groups).toHaveLength(1);
    expect(ids(state)).toEqual(["b"]);
    expect(state.activeGroup).toBe(0);
  });

  it("leaves the single group empty when its last tab closes", () => {
    const state = closeActiveTab(withTabs("a"));
    expect(state.groups).toEqual([{ tabs: [], activeId: null }]);
    expect(activeTab(state)).toBeNull();
  });

  it("ignores unknown tabs and groups", () => {
    const state = withTabs("a");
    expect(closeTab(state, 0, "zzz")).toBe(state);
    expect(closeTab(state, 3, "a")).toBe(state);
  });
});

describe("cycleTab", () => {
  it("moves to the next and previous tab, wrapping around", () => {
    let state = withTabs("a", "b", "c");
    state = cycleTab(state, 1);
    expect(activeTab(state)?.key).toBe("a");
    state = cycleTab(state, -1);
    expect(activeTab(state)?.key).toBe("c");
    state = cycleTab(state, -1);
    expect(activeTab(state)?.key).toBe("b");
  });

  it("works within the focused group only", () => {
    let state = openTab(withTabs("a", "b"), tab("x"), "side");
    state = openTab(state, tab("y"));
    state = cycleTab(state, 1);
    expect(activeTab(state)?.key).toBe("x");
    expect(state.groups[0]?.activeId).toBe("b");
  });
});

describe("splitRight and focusGroup", () => {
  it("opens the focused recording in the other group and focuses it", () => {
    const state = splitRight(withTabs("a", "b"));
    expect(ids(state, 1)).toEqual(["b"]);
    expect(state.activeGroup).toBe(1);
    expect(state.groups[0]?.activeId).toBe("b");
  });

  it("does nothing without an open recording", () => {
    expect(splitRight(EMPTY_EDITOR_GROUPS)).toBe(EMPTY_EDITOR_GROUPS);
  });

  it("focuses existing groups only", () => {
    const state = splitRight(withTabs("a"));
    expect(focusGroup(state, 0).activeGroup).toBe(0);
    expect(focusGroup(state, 2)).toBe(state);
    expect(activateTab(state, 0, "a").activeGroup).toBe(0);
  });
});
