"use client";

import { type QueryObserverResult, useQueries, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useCommands, useContextKey, useRegisterCommands } from "../commands/commands-provider";
import { CommandButton } from "../shell/command-button";
import { useWorkbenchNavigation } from "../shell/workbench-navigation";
import { parentKeyOf, ROOT_KEY } from "./explorer-path";
import { explorerChildrenQuery, explorerKeys } from "./explorer-queries";
import { ExplorerTree } from "./explorer-tree";
import { EXPLORER_FILTER_TITLES, EXPLORER_VIEW_FILTERS, type ExplorerFilter, type ExplorerListing } from "./explorer-types";
import styles from "./explorer.module.css";
import { type ChildrenState, flattenTree, type TreeRow } from "./tree-rows";

/** Expand All opens folders level by level as they load; past this many it stops rather than asking for a whole large corpus. */
const MAX_AUTO_EXPANDED = 300;

const FILTER_COMMANDS: Readonly<Record<ExplorerFilter, string>> = {
  all: "explorer.filter.all",
  "no-label": "explorer.filter.noLabel",
  "low-confidence": "explorer.filter.lowConfidence",
  disagree: "explorer.filter.disagree",
  assigned: "explorer.filter.assigned",
};

function reachable(key: string, expanded: ReadonlySet<string>): boolean {
  for (let parent = parentKeyOf(key); parent !== null && parent !== ROOT_KEY; parent = parentKeyOf(parent)) {
    if (!expanded.has(parent)) return false;
  }
  return true;
}

function childrenState(result: QueryObserverResult<ExplorerListing>): ChildrenState {
  if (result.data) return { status: "loaded", nodes: result.data.children, truncated: result.data.truncated };
  if (result.isError) return { status: "error", message: result.error.message };
  return { status: "loading" };
}

const combineStates = (results: QueryObserverResult<ExplorerListing>[]) => results.map(childrenState);

/**
 * The Explorer view: corpora → cohorts → patients → sessions → recordings,
 * each level fetched when it is first expanded, with counts and label
 * status; a filter (all, no human label, low model confidence, human and
 * model disagree) and a flat list of a corpus's recordings. Stays mounted
 * while hidden, so the expanded folders survive switching views.
 */
export function ExplorerView({ visible }: { visible: boolean }) {
  const [filter, setFilter] = useState<ExplorerFilter>("all");
  const [flat, setFlat] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [autoExpand, setAutoExpand] = useState(false);
  const queryClient = useQueryClient();
  const { run, output } = useCommands();
  const navigation = useWorkbenchNavigation();
  const visibleRef = useRef(visible);
  visibleRef.current = visible;

  const openKeys = useMemo(() => [ROOT_KEY, ...[...expanded].filter((key) => reachable(key, expanded))], [expanded]);
  const states = useQueries({ queries: openKeys.map((key) => explorerChildrenQuery(key, filter, flat)), combine: combineStates });
  const rows = useMemo(() => {
    const byKey = new Map(openKeys.map((key, index) => [key, states[index]]));
    return flattenTree((key) => byKey.get(key), expanded);
  }, [openKeys, states, expanded]);

  // Expand All: each time a level arrives, open the folders in it, until none are left or the cap is reached.
  useEffect(() => {
    if (!autoExpand) return;
    const closed = rows.filter((row): row is Extract<TreeRow, { type: "node" }> => row.type === "node" && row.expandable && !row.expanded);
    if (closed.length === 0) {
      if (!rows.some((row) => row.type === "status" && row.status === "loading")) setAutoExpand(false);
      return;
    }
    const room = MAX_AUTO_EXPANDED - expanded.size;
    if (room <= 0) {
      setAutoExpand(false);
      output.append("info", "explorer", `Expand All stopped after ${MAX_AUTO_EXPANDED} folders; use the filter, Search or the flat list for the rest.`);
      return;
    }
    setExpanded(new Set([...expanded, ...closed.slice(0, room).map((row) => row.key)]));
  }, [autoExpand, rows, expanded, output]);

  const toggle = useCallback((key: string, expand?: boolean) => {
    setAutoExpand(false);
    setExpanded((current) => {
      const open = expand ?? !current.has(key);
      if (open === current.has(key)) return current;
      const next = new Set(current);
      if (open) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  const open = useCallback(
    (row: TreeRow, options: { toSide: boolean; focusEditor: boolean }) => {
      if (row.type !== "node" || row.node.kind !== "recording") return;
      navigation.openRecording(row.node.id, row.node.name, { group: options.toSide ? "side" : "active", focus: options.focusEditor });
    },
    [navigation],
  );

  useContextKey("explorerFilter", filter);
  useContextKey("explorerFlat", flat);
  useRegisterCommands(() => {
    const reveal = () => {
      if (!visibleRef.current) void run("workbench.focusExplorer");
    };
    return [
      ...EXPLORER_VIEW_FILTERS.map((name) => ({
        id: FILTER_COMMANDS[name],
        title: `Filter: ${EXPLORER_FILTER_TITLES[name]}`,
        category: "Explorer",
        when: (context: Record<string, unknown>) => context.explorerFilter !== name,
        run: () => {
          setFilter(name);
          reveal();
        },
      })),
      {
        id: "explorer.toggleFlat",
        title: "Toggle Flat List of Recordings",
        category: "Explorer",
        run: () => {
          setFlat((value) => !value);
          reveal();
        },
      },
      {
        id: "explorer.refresh",
        title: "Refresh Explorer",
        category: "Explorer",
        run: async () => {
          reveal();
          await queryClient.invalidateQueries({ queryKey: explorerKeys.all });
        },
      },
      {
        id: "explorer.collapseAll",
        title: "Collapse All",
        category: "Explorer",
        run: () => {
          setAutoExpand(false);
          setExpanded(new Set());
          reveal();
        },
      },
      {
        id: "explorer.expandAll",
        title: "Expand All",
        category: "Explorer",
        run: () => {
          setAutoExpand(true);
          reveal();
        },
      },
    ];
  }, [run, queryClient]);

  const root = states[0];
  const empty = root?.status === "loaded" && root.nodes.length === 0;

  return (
    <div className={styles.view}>
      <div className={styles.toolbar}>
        <label className={styles.filterLabel}>
          <span className="visually-hidden">Filter recordings</span>
          <select
            className={styles.filter}
            value={filter}
            data-testid="explorer-filter"
            onChange={(event) => {
              const next = EXPLORER_VIEW_FILTERS.find((name) => name === event.target.value);
              if (next) void run(FILTER_COMMANDS[next]);
            }}
          >
            {EXPLORER_VIEW_FILTERS.map((name) => (
              <option key={name} value={name}>
                {EXPLORER_FILTER_TITLES[name]}
              </option>
            ))}
          </select>
        </label>
        <FlatToggle flat={flat} />
      </div>
      {root?.status === "error" && (
        <p role="alert" className="form-error">
          {root.message}
        </p>
      )}
      {empty ? (
        <div className={styles.empty}>
          <p>{filter === "all" ? "No corpora yet. Import recordings to start one." : "No recordings match this filter."}</p>
          {filter === "all" && <CommandButton command="corpus.import" className="button button--primary" />}
        </div>
      ) : (
        <ExplorerTree rows={rows} label="Corpora" selectedRecordingId={navigation.activeRecordingId} onToggle={toggle} onOpen={open} />
      )}
    </div>
  );
}

function FlatToggle({ flat }: { flat: boolean }) {
  const { run } = useCommands();
  return (
    <button
      type="button"
      className={styles.flatToggle}
      aria-pressed={flat}
      title="Show each corpus's recordings as one flat list"
      data-testid="explorer-flat-toggle"
      onClick={() => void run("explorer.toggleFlat")}
    >
      Flat list
    </button>
  );
}
