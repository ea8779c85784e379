"use client";

import { type KeyboardEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { ExplorerRow, ROW_HEIGHT } from "./explorer-row";
import styles from "./explorer.module.css";
import { type TreeRow, treeKeyAction, typeAheadIndex } from "./tree-rows";
import { useVirtualWindow } from "./use-virtual-window";

const TYPE_AHEAD_RESET_MS = 700;

/**
 * The explorer's tree, following the WAI-ARIA tree pattern with
 * aria-activedescendant (the tree keeps the focus, so rows can come and go as
 * the virtual list scrolls): Up/Down/PageUp/PageDown/Home/End move, Right
 * and Left expand, collapse and move between levels, Enter opens (Ctrl/Cmd
 * to the side), Space opens keeping the focus here, letters jump by name.
 * Only the rows in view (plus overscan, plus the focused row) are in the DOM.
 */
export function ExplorerTree({
  rows,
  label,
  selectedRecordingId,
  onToggle,
  onOpen,
}: {
  rows: readonly TreeRow[];
  label: string;
  /** The recording in the focused editor: its rows show as selected. */
  selectedRecordingId: string | null;
  onToggle: (key: string, expand?: boolean) => void;
  /** A recording row was chosen; `focusEditor` moves the focus into its editor. */
  onOpen: (row: TreeRow, options: { toSide: boolean; focusEditor: boolean }) => void;
}) {
  const treeId = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const typeAhead = useRef({ text: "", at: 0 });
  const { window: rowWindow, reveal, pageSize } = useVirtualWindow(scroller, rows.length, ROW_HEIGHT);

  // Scrolling re-renders the tree every frame: find the focused row by a map built once per change of rows, not a scan of 100,000.
  const indexByKey = useMemo(() => new Map(rows.map((row, index) => [row.key, index])), [rows]);
  const foundIndex = focusedKey === null ? -1 : (indexByKey.get(focusedKey) ?? -1);
  const firstNode = rows.findIndex((row) => row.type === "node");
  const focusedIndex = foundIndex >= 0 ? foundIndex : firstNode;
  const focusedRow = focusedIndex >= 0 ? rows[focusedIndex] : undefined;

  const focusIndex = useCallback(
    (index: number) => {
      const row = rows[index];
      if (!row) return;
      setFocusedKey(row.key);
      reveal(index);
    },
    [rows, reveal],
  );

  // A focused row that disappears (its folder collapsed from elsewhere) hands the focus to the nearest row still shown.
  useEffect(() => {
    if (focusedKey !== null && foundIndex < 0 && firstNode >= 0) setFocusedKey(null);
  }, [focusedKey, foundIndex, firstNode]);

  const activate = (row: TreeRow, options: { toSide: boolean; focusEditor: boolean }) => {
    if (row.type !== "node") return;
    if (row.expandable) onToggle(row.key);
    else onOpen(row, options);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey) return;
    const mod = event.ctrlKey || event.metaKey;
    if (event.key === " " && focusedRow) {
      event.preventDefault();
      activate(focusedRow, { toSide: mod, focusEditor: false });
      return;
    }
    if (event.key === "Enter" && focusedRow) {
      event.preventDefault();
      activate(focusedRow, { toSide: mod, focusEditor: true });
      return;
    }
    const action = mod ? null : treeKeyAction(rows, focusedIndex, event.key, pageSize);
    if (action) {
      event.preventDefault();
      if (action.type === "focus") focusIndex(action.index);
      else if (action.type === "expand") onToggle(action.key, true);
      else if (action.type === "collapse") onToggle(action.key, false);
      return;
    }
    if (!mod && event.key.length === 1 && event.key !== " ") {
      const now = Date.now();
      const text = now - typeAhead.current.at > TYPE_AHEAD_RESET_MS ? event.key : typeAhead.current.text + event.key;
      typeAhead.current = { text, at: now };
      const index = typeAheadIndex(rows, focusedIndex, text);
      // Letters are the tree's while it has the focus: they must not reach the global shortcuts.
      event.preventDefault();
      if (index !== null) focusIndex(index);
    }
  };

  const onRowClick = useCallback(
    (row: TreeRow, index: number, toSide: boolean) => {
      setFocusedKey(row.key);
      scroller.current?.focus({ preventScroll: true });
      if (row.type !== "node") return;
      if (row.expandable) onToggle(row.key);
      else onOpen(row, { toSide, focusEditor: false });
      reveal(index);
    },
    [onToggle, onOpen, reveal],
  );

  const rendered: number[] = [];
  for (let index = rowWindow.start; index < rowWindow.end; index += 1) rendered.push(index);
  // The focused row stays in the DOM even when scrolled away, so aria-activedescendant always points at something.
  if (focusedIndex >= 0 && (focusedIndex < rowWindow.start || focusedIndex >= rowWindow.end)) rendered.push(focusedIndex);

  return (
    <div
      ref={scroller}
      role="tree"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={focusedRow?.type === "node" ? `${treeId}:${focusedRow.key}` : undefined}
      className={styles.tree}
      data-focus-target="explorer"
      data-testid="explorer-tree"
      data-row-count={rows.length}
      onKeyDown={onKeyDown}
    >
      <div className={styles.canvas} style={{ height: rowWindow.totalHeight }}>
        {rendered.map((index) => {
          const row = rows[index];
          if (!row) return null;
          return (
            <ExplorerRow
              key={row.key}
              row={row}
              index={index}
              domId={`${treeId}:${row.key}`}
              focused={index === focusedIndex}
              selected={row.type === "node" && row.node.kind === "recording" && row.node.id === selectedRecordingId}
              onClick={onRowClick}
              onToggle={onToggle}
            />
          );
        })}
      </div>
    </div>
  );
}
