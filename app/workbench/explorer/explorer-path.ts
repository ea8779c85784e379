import type { ExplorerFilter, ExplorerNode, ExplorerNodeKind } from "./explorer-types";

type ExplorerFolderKind = Exclude<ExplorerNodeKind, "recording">;

/**
 * Tree keys: a node's key is its path from the root, "corpus:<id>/cohort:<id>/…",
 * so one key both identifies a row (expansion, focus, selection) and says
 * which query lists its children. Ids are URI-encoded so any id is safe.
 */

export const ROOT_KEY = "";

export type ExplorerPath = Partial<Record<ExplorerFolderKind, string>>;

const FOLDER_KINDS: readonly ExplorerFolderKind[] = ["corpus", "cohort", "patient", "session"];

export function nodeKey(parentKey: string, node: Pick<ExplorerNode, "kind" | "id">): string {
  const segment = `${node.kind}:${encodeURIComponent(node.id)}`;
  return parentKey === ROOT_KEY ? segment : `${parentKey}/${segment}`;
}

export function parentKeyOf(key: string): string | null {
  if (key === ROOT_KEY) return null;
  const slash = key.lastIndexOf("/");
  return slash < 0 ? ROOT_KEY : key.slice(0, slash);
}

/** The folder ids along a key; a recording segment ends the path. */
export function pathOfKey(key: string): ExplorerPath {
  const path: ExplorerPath = {};
  if (key === ROOT_KEY) return path;
  for (const segment of key.split("/")) {
    const colon = segment.indexOf(":");
    const kind = segment.slice(0, colon);
    const folder = FOLDER_KINDS.find((candidate) => candidate === kind);
    if (folder) path[folder] = decodeURIComponent(segment.slice(colon + 1));
  }
  return path;
}

/** The request for a node's children: the tree level below it, or every recording of a corpus in flat mode. */
export function childrenUrl(parentKey: string, filter: ExplorerFilter, flat: boolean): string {
  const params = new URLSearchParams();
  const path = pathOfKey(parentKey);
  for (const kind of FOLDER_KINDS) {
    const id = path[kind];
    if (id !== undefined) params.set(kind, id);
  }
  if (flat && path.corpus !== undefined) params.set("flat", "1");
  params.set("filter", filter);
  return `/api/explorer?${params.toString()}`;
}

export function isExpandable(node: Pick<ExplorerNode, "kind">): boolean {
  return node.kind !== "recording";
}
