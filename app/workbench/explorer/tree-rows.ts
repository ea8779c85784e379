import { isExpandable, nodeKey, ROOT_KEY } from "./explorer-path";
import type { ExplorerNode } from "./explorer-types";

/**
 * The explorer tree flattened into the rows a virtual list shows: the
 * expanded part of the tree in display order, each node with what the
 * WAI-ARIA tree pattern needs (level, position in its set, set size,
 * expanded), and a status row where a level is loading, failed or empty.
 */

export type ChildrenState =
  | { status: "loaded"; nodes: readonly ExplorerNode[]; truncated?: boolean }
  | { status: "loading" }
  | { status: "error"; message: string };

export interface NodeRow {
  type: "node";
  key: string;
  parentKey: string;
  node: ExplorerNode;
  /** 1 for corpora. */
  level: number;
  posInSet: number;
  setSize: number;
  expandable: boolean;
  expanded: boolean;
}

export interface StatusRow {
  type: "status";
  key: string;
  parentKey: string;
  level: number;
  /** truncated: the server listed only the first recordings of a very large level. */
  status: "loading" | "error" | "empty" | "truncated";
  message?: string;
}

export type TreeRow = NodeRow | StatusRow;

export function flattenTree(
  childrenOf: (parentKey: string) => ChildrenState | undefined,
  expanded: ReadonlySet<string>,
  rootKey: string = ROOT_KEY,
): TreeRow[] {
  const rows: TreeRow[] = [];
  const visit = (parentKey: string, level: number) => {
    const children = childrenOf(parentKey) ?? { status: "loading" };
    if (children.status !== "loaded") {
      rows.push({ type: "status", key: `${parentKey}#${children.status}`, parentKey, level, status: children.status, message: children.status === "error" ? children.message : undefined });
      return;
    }
    if (children.nodes.length === 0) {
      // The root says so in the view's empty state; a folder that the filter emptied says so in place.
      if (parentKey !== rootKey) rows.push({ type: "status", key: `${parentKey}#empty`, parentKey, level, status: "empty" });
      return;
    }
    const setSize = children.nodes.length;
    children.nodes.forEach((node, index) => {
      const key = nodeKey(parentKey, node);
      const expandable = isExpandable(node);
      const isExpanded = expandable && expanded.has(key);
      rows.push({ type: "node", key, parentKey, node, level, posInSet: index + 1, setSize, expandable, expanded: isExpanded });
      if (isExpanded) visit(key, level + 1);
    });
    if (children.truncated) rows.push({ type: "status", key: `${parentKey}#truncated`, parentKey, level, status: "truncated" });
  };
  visit(rootKey, 1);
  return rows;
}

export type TreeKeyAction =
  | { type: "focus"; index: number }
  | { type: "expand"; key: string }
  | { type: "collapse"; key: string }
  | { type: "open"; index: number };

/** Keyboard handling of the WAI-ARIA tree pattern; null when the key is not the tree's (so the event is left alone). */
export function treeKeyAction(rows: readonly TreeRow[], focused: number, key: string, pageSize = 10): TreeKeyAction | null {
  const row = rows[focused];
  const step = (from: number, direction: 1 | -1, count = 1): number | null => {
    let found: number | null = null;
    let remaining = count;
    for (let index = from + direction; index >= 0 && index < rows.length; index += direction) {
      if (rows[index]?.type !== "node") continue;
      found = index;
      remaining -= 1;
      if (remaining === 0) break;
    }
    return found;
  };
  const focus = (index: number | null): TreeKeyAction | null => (index === null || index === focused ? null : { type: "focus", index });

  switch (key) {
    case "ArrowDown":
      return focus(step(focused, 1));
    case "ArrowUp":
      return focus(step(focused, -1));
    case "PageDown":
      return focus(step(focused, 1, pageSize));
    case "PageUp":
      return focus(step(focused, -1, pageSize));
    case "Home":
      return focus(step(-1, 1));
    case "End":
      return focus(step(rows.length, -1));
    case "ArrowRight": {
      if (row?.type !== "node" || !row.expandable) return null;
      if (!row.expanded) return { type: "expand", key: row.key };
      const child = rows[focused + 1];
      return child?.type === "node" && child.parentKey === row.key ? { type: "focus", index: focused + 1 } : null;
    }
    case "ArrowLeft": {
      if (row?.type !== "node") return null;
      if (row.expanded) return { type: "collapse", key: row.key };
      const parent = rows.findIndex((candidate) => candidate.key === row.parentKey);
      return parent >= 0 ? { type: "focus", index: parent } : null;
    }
    case "Enter":
      return row?.type === "node" ? { type: "open", index: focused } : null;
    default:
      return null;
  }
}

/** The next node row, after `focused` and wrapping, whose name starts with `prefix`; null when none does. */
export function typeAheadIndex(rows: readonly TreeRow[], focused: number, prefix: string): number | null {
  const needle = prefix.toLowerCase();
  if (needle === "" || rows.length === 0) return null;
  // Typing more letters of the current name keeps the focus; a first letter moves on.
  const start = needle.length > 1 ? focused : focused + 1;
  for (let offset = 0; offset < rows.length; offset += 1) {
    const index = (((start + offset) % rows.length) + rows.length) % rows.length;
    const row = rows[index];
    if (row?.type === "node" && row.node.name.toLowerCase().startsWith(needle)) return index;
  }
  return null;
}
