/**
 * The editor area's tabs as plain data: one or two groups side by side, each
 * with its own tabs and active tab, and which group has the focus. Every
 * change is a pure function of the old state, so the shell's reducer, the
 * persisted layout and the tests agree on what "close", "next" and "split"
 * do.
 */

/**
 * What a tab shows besides a recording: a projection, a cohort comparison,
 * a patient's trajectory, a notebook, annotator agreement, the audit log or
 * the workspaces. A tab without a document is a recording's editor.
 */
export type EditorDocument =
  | { readonly kind: "projection"; readonly projectionId: string }
  | { readonly kind: "comparison"; readonly cohortIds: readonly string[] }
  | { readonly kind: "trajectory"; readonly patientId: string }
  | { readonly kind: "notebook"; readonly notebookId: string }
  | { readonly kind: "agreement"; readonly corpusId: string | null }
  | { readonly kind: "audit" }
  | { readonly kind: "workspaces" };

/** A tab's key: the recording's id for a recording, "<kind>:<ids>" for a document, so one document has one tab. */
export function documentKey(document: EditorDocument): string {
  switch (document.kind) {
    case "projection":
      return `projection:${document.projectionId}`;
    case "comparison":
      return `comparison:${[...document.cohortIds].sort().join(",")}`;
    case "trajectory":
      return `trajectory:${document.patientId}`;
    case "notebook":
      return `notebook:${document.notebookId}`;
    case "agreement":
      return "agreement";
    case "audit":
      return "audit";
    case "workspaces":
      return "workspaces";
  }
}

export interface EditorTab {
  /** The recording's id, or documentKey(document). */
  key: string;
  title: string;
  document?: EditorDocument;
  /** Where the editor should seek when it opens; not persisted. */
  atSeconds?: number;
}

export interface EditorGroup {
  tabs: readonly EditorTab[];
  /** The recording whose tab is active; null only when the group has no tabs. */
  activeId: string | null;
}

export interface EditorGroupsState {
  /** One group, or two after a split. */
  groups: readonly EditorGroup[];
  activeGroup: number;
}

export const MAX_EDITOR_GROUPS = 2;

export const EMPTY_EDITOR_GROUPS: EditorGroupsState = { groups: [{ tabs: [], activeId: null }], activeGroup: 0 };

export type OpenTarget = "active" | "side";

export function activeTab(state: EditorGroupsState): EditorTab | null {
  const group = state.groups[state.activeGroup];
  return group?.tabs.find((tab) => tab.key === group.activeId) ?? null;
}

/** Opens a recording in the focused group, or in the group beside it (made on demand); an open tab is re-activated rather than duplicated. */
export function openTab(state: EditorGroupsState, tab: EditorTab, target: OpenTarget = "active"): EditorGroupsState {
  if (target === "side") {
    const side = state.groups.length < MAX_EDITOR_GROUPS ? state.groups.length : 1 - state.activeGroup;
    const groups = side === state.groups.length ? [...state.groups, { tabs: [], activeId: null }] : [...state.groups];
    groups[side] = openInGroup(groups[side] ?? { tabs: [], activeId: null }, tab);
    return { groups, activeGroup: side };
  }
  return replaceGroup(state, state.activeGroup, openInGroup(groupAt(state, state.activeGroup), tab));
}

function openInGroup(group: EditorGroup, tab: EditorTab): EditorGroup {
  const existing = group.tabs.findIndex((candidate) => candidate.key === tab.key);
  if (existing >= 0) {
    const tabs = [...group.tabs];
    const current = tabs[existing] as EditorTab;
    tabs[existing] = { ...current, title: tab.title || current.title, atSeconds: tab.atSeconds ?? current.atSeconds };
    return { tabs, activeId: tab.key };
  }
  // New tabs open to the right of the active one, as editors do.
  const activeIndex = group.tabs.findIndex((candidate) => candidate.key === group.activeId);
  const tabs = [...group.tabs];
  tabs.splice(activeIndex + 1, 0, tab);
  return { tabs, activeId: tab.key };
}

/** Closes a tab; its right neighbour (or left, at the end) becomes active. A second group that loses its last tab goes away. */
export function closeTab(state: EditorGroupsState, groupIndex: number, key: string): EditorGroupsState {
  const group = state.groups[groupIndex];
  if (!group) return state;
  const index = group.tabs.findIndex((tab) => tab.key === key);
  if (index < 0) return state;
  const tabs = group.tabs.filter((_, position) => position !== index);
  if (tabs.length === 0 && state.groups.length > 1) {
    const groups = state.groups.filter((_, position) => position !== groupIndex);
    return { groups, activeGroup: Math.min(state.activeGroup > groupIndex ? state.activeGroup - 1 : state.activeGroup, groups.length - 1) };
  }
  const activeId = group.activeId === key ? (tabs[Math.min(index, tabs.length - 1)]?.key ?? null) : group.activeId;
  return replaceGroup(state, groupIndex, { tabs, activeId });
}

/** Closes the focused group's active tab. */
export function closeActiveTab(state: EditorGroupsState): EditorGroupsState {
  const tab = activeTab(state);
  return tab ? closeTab(state, state.activeGroup, tab.key) : state;
}

export function activateTab(state: EditorGroupsState, groupIndex: number, key: string): EditorGroupsState {
  const group = state.groups[groupIndex];
  if (!group?.tabs.some((tab) => tab.key === key)) return state;
  return { ...replaceGroup(state, groupIndex, { ...group, activeId: key }), activeGroup: groupIndex };
}

/** Next (+1) or previous (-1) tab of the focused group, wrapping around. */
export function cycleTab(state: EditorGroupsState, delta: 1 | -1): EditorGroupsState {
  const group = groupAt(state, state.activeGroup);
  if (group.tabs.length < 2) return state;
  const index = group.tabs.findIndex((tab) => tab.key === group.activeId);
  const next = group.tabs[(index + delta + group.tabs.length) % group.tabs.length] as EditorTab;
  return replaceGroup(state, state.activeGroup, { ...group, activeId: next.key });
}

/** Opens the focused recording in the other group too (making it when there is one group) and moves the focus there. */
export function splitRight(state: EditorGroupsState): EditorGroupsState {
  const tab = activeTab(state);
  if (!tab) return state;
  return openTab(state, { key: tab.key, title: tab.title, ...(tab.document ? { document: tab.document } : {}) }, "side");
}

export function focusGroup(state: EditorGroupsState, groupIndex: number): EditorGroupsState {
  if (groupIndex === state.activeGroup || groupIndex < 0 || groupIndex >= state.groups.length) return state;
  return { ...state, activeGroup: groupIndex };
}

function groupAt(state: EditorGroupsState, index: number): EditorGroup {
  return state.groups[index] ?? { tabs: [], activeId: null };
}

function replaceGroup(state: EditorGroupsState, index: number, group: EditorGroup): EditorGroupsState {
  const groups = [...state.groups];
  groups[index] = group;
  return { ...state, groups };
}
