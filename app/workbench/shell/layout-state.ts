import { z } from "zod";
import { documentKey, EMPTY_EDITOR_GROUPS, type EditorGroup, type EditorGroupsState, type EditorTab, MAX_EDITOR_GROUPS } from "./editor-groups";
import { clampToLimits } from "./sash-math";
import { ACTIVITY_IDS, type ActivityId, PANEL_TAB_IDS, type PanelTabId } from "./workbench-views";

/**
 * The workbench layout a reload restores: side bar, panel and both editor
 * groups' tabs. Stored in localStorage under a versioned key and validated on
 * read, section by section, so a value written by an older build or edited
 * by hand costs at most that section its saved state, never the app.
 */

export const LAYOUT_STORAGE_KEY = "resonance.workbench.layout.v1";

export const SIDE_BAR_WIDTH = { min: 170, max: 720, initial: 300 } as const;
export const PANEL_HEIGHT = { min: 90, max: 900, initial: 220 } as const;

export interface WorkbenchLayout {
  sideBar: { visible: boolean; width: number; view: ActivityId };
  panel: { visible: boolean; height: number; tab: PanelTabId };
  editors: EditorGroupsState;
}

export const DEFAULT_LAYOUT: WorkbenchLayout = {
  sideBar: { visible: true, width: SIDE_BAR_WIDTH.initial, view: "explorer" },
  panel: { visible: true, height: PANEL_HEIGHT.initial, tab: "jobs" },
  editors: EMPTY_EDITOR_GROUPS,
};

const sideBarSchema = z.object({
  visible: z.boolean(),
  width: z.number().finite(),
  view: z.enum(ACTIVITY_IDS),
});

const panelSchema = z.object({
  visible: z.boolean(),
  height: z.number().finite(),
  tab: z.enum(PANEL_TAB_IDS),
});

const documentSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("projection"), projectionId: z.string().min(1).max(100) }),
  z.object({ kind: z.literal("comparison"), cohortIds: z.array(z.string().min(1).max(100)).min(2).max(50) }),
  z.object({ kind: z.literal("trajectory"), patientId: z.string().min(1).max(100) }),
  z.object({ kind: z.literal("notebook"), notebookId: z.string().min(1).max(100) }),
  z.object({ kind: z.literal("agreement"), corpusId: z.string().min(1).max(100).nullable() }),
  z.object({ kind: z.literal("audit") }),
  z.object({ kind: z.literal("workspaces") }),
]);

// Layouts saved before documents existed name a tab's recording as recordingId.
const tabSchema = z
  .object({ key: z.string().min(1).max(5000).optional(), recordingId: z.string().min(1).max(200).optional(), title: z.string().max(500), document: documentSchema.optional() })
  .transform((tab, context) => {
    const key = tab.document ? documentKey(tab.document) : (tab.key ?? tab.recordingId);
    if (!key) {
      context.addIssue({ code: "custom", message: "a tab needs a key" });
      return z.NEVER;
    }
    return { key, title: tab.title, ...(tab.document ? { document: tab.document } : {}) };
  });

const editorsSchema = z.object({
  groups: z
    .array(z.object({ tabs: z.array(tabSchema).max(200), activeId: z.string().nullable() }))
    .min(1)
    .max(MAX_EDITOR_GROUPS),
  activeGroup: z.number().int().min(0),
});

const envelopeSchema = z.object({ version: z.literal(1), layout: z.record(z.string(), z.unknown()) });

/** The saved layout, or the defaults for whatever is missing or malformed. */
export function parseLayout(raw: string | null): WorkbenchLayout {
  if (!raw) return DEFAULT_LAYOUT;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return DEFAULT_LAYOUT;
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return DEFAULT_LAYOUT;
  const { sideBar, panel, editors } = envelope.data.layout;

  const side = sideBarSchema.safeParse(sideBar);
  const bottom = panelSchema.safeParse(panel);
  const groups = editorsSchema.safeParse(editors);
  return {
    sideBar: side.success ? { ...side.data, width: clampToLimits(side.data.width, SIDE_BAR_WIDTH) } : DEFAULT_LAYOUT.sideBar,
    panel: bottom.success ? { ...bottom.data, height: clampToLimits(bottom.data.height, PANEL_HEIGHT) } : DEFAULT_LAYOUT.panel,
    editors: groups.success ? normaliseEditors(groups.data) : DEFAULT_LAYOUT.editors,
  };
}

/** Drops duplicate tabs and empty second groups, and points each group and the focus at something that exists. */
function normaliseEditors(state: { groups: { tabs: EditorTab[]; activeId: string | null }[]; activeGroup: number }): EditorGroupsState {
  const groups: EditorGroup[] = state.groups.map((group) => {
    const seen = new Set<string>();
    const tabs = group.tabs.filter((tab) => !seen.has(tab.key) && seen.add(tab.key));
    const activeId = tabs.some((tab) => tab.key === group.activeId) ? group.activeId : (tabs[0]?.key ?? null);
    return { tabs, activeId };
  });
  const kept = groups.filter((group, index) => index === 0 || group.tabs.length > 0);
  if (kept.length > 1 && kept[0]?.tabs.length === 0) kept.shift();
  return { groups: kept, activeGroup: Math.min(state.activeGroup, kept.length - 1) };
}

/** What goes into storage: the layout without transient fields (a tab's pending seek). */
export function serialiseLayout(layout: WorkbenchLayout): string {
  const editors = {
    activeGroup: layout.editors.activeGroup,
    groups: layout.editors.groups.map((group) => ({
      activeId: group.activeId,
      tabs: group.tabs.map((tab) => ({ key: tab.key, title: tab.title, ...(tab.document ? { document: tab.document } : {}) })),
    })),
  };
  return JSON.stringify({ version: 1, layout: { sideBar: layout.sideBar, panel: layout.panel, editors } });
}
