"use client";

import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import type { RegionView } from "@/lib/domain/label-state";
import { EMOTION_COLORS } from "../analysis/emotion-colors";
import { useContextMenu } from "../shell/context-menu";
import styles from "./labelling.module.css";
import { rowForKey, scrollTopFor, segmentRows, visibleRowWindow } from "./segment-rows";

/** Short headers for a narrow sidebar, with the full names for tooltips and screen readers. */
const COLUMNS = [
  ["#", "Number"],
  ["Start", "Start"],
  ["End", "End"],
  ["Label", "Label"],
  ["Src", "Source"],
  ["Conf", "Confidence"],
  ["Note", "Note"],
] as const;

/** Must match .segmentRow's height in labelling.module.css. */
const ROW_HEIGHT = 24;

/**
 * The regions as a transcript-style grid: start, end, label, source,
 * confidence, note. Only the rows in view are in the page, so an hour-long
 * session with hundreds of regions scrolls as lightly as a short one. The
 * focus stays on the grid (aria-activedescendant) and moves with the arrow
 * keys; the selection follows it, as it does in a file list.
 */
export function SegmentList({
  regions,
  selectedId,
  onSelect,
  onSeek,
}: {
  regions: readonly RegionView[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onSeek: (seconds: number, play: boolean) => void;
}) {
  const rows = useMemo(() => segmentRows(regions), [regions]);
  const idPrefix = useId();
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(ROW_HEIGHT * 10);
  const selectedIndex = rows.findIndex((row) => row.id === selectedId);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewportHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Follow the selection made elsewhere (waveform, next/previous region) like a transcript follows the speaker.
  useEffect(() => {
    const element = viewport.current;
    if (!element || selectedIndex < 0) return;
    const next = scrollTopFor(selectedIndex, ROW_HEIGHT, element.scrollTop, element.clientHeight);
    if (next !== element.scrollTop) element.scrollTop = next;
  }, [selectedIndex]);

  const contextMenu = useContextMenu("segment/context");
  const visible = visibleRowWindow(scrollTop, viewportHeight, ROW_HEIGHT, rows.length);
  const rowId = (id: string) => `${idPrefix}-row-${id}`;

  const choose = (index: number, play: boolean) => {
    const row = rows[index];
    if (!row) return;
    onSelect(row.id);
    onSeek(row.startSeconds, play);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    contextMenu.onKeyDown(event);
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if ((event.key === "Enter" || event.key === " ") && selectedIndex >= 0) {
      // Handled here, so the workbench's Space (play/pause) does not run as well.
      event.preventDefault();
      choose(selectedIndex, true);
      return;
    }
    const pageSize = Math.max(1, Math.floor(viewportHeight / ROW_HEIGHT) - 1);
    const next = rowForKey(event.key, selectedIndex, rows.length, pageSize);
    if (next === null) return;
    event.preventDefault();
    choose(next, false);
  };

  if (rows.length === 0) {
    return (
      <p className={styles.empty} data-testid="segment-list-empty">
        No regions yet. Drag across the waveform to draw one; labels without a region go to the whole recording.
      </p>
    );
  }

  return (
    <>
      <div
        className={styles.segmentGrid}
        role="grid"
        aria-label="Segments"
        aria-rowcount={rows.length + 1}
        aria-colcount={7}
        aria-activedescendant={selectedIndex >= 0 ? rowId(rows[selectedIndex]!.id) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="segment-list"
      >
        <div className={`${styles.segmentRow} ${styles.segmentHeader}`} role="row" aria-rowindex={1}>
          {COLUMNS.map(([short, name]) => (
            <span key={name} role="columnheader" aria-label={name} title={name}>
              {short}
            </span>
          ))}
        </div>
        <div ref={viewport} className={styles.segmentViewport} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)} role="rowgroup">
          <div style={{ height: visible.paddingTop }} aria-hidden="true" />
          {rows.slice(visible.first, visible.last).map((row) => (
            <div
              key={row.id}
              id={rowId(row.id)}
              className={styles.segmentRow}
              role="row"
              aria-rowindex={row.index + 1}
              aria-selected={row.id === selectedId}
              data-testid="segment-row"
              data-region-id={row.id}
              onClick={() => choose(row.index - 1, true)}
              onContextMenu={(event) => {
                // The menu's commands act on the selected region: select this one first, without playing it.
                onSelect(row.id);
                contextMenu.onContextMenu(event);
              }}
            >
              <span role="gridcell" className={styles.muted}>
                {row.index}
              </span>
              <span role="gridcell">{row.start}</span>
              <span role="gridcell">{row.end}</span>
              <span role="gridcell" className={styles.segmentLabel}>
                {row.emotion && <span className={styles.swatch} style={{ background: EMOTION_COLORS[row.emotion] }} aria-hidden="true" />}
                {row.label}
              </span>
              <span role="gridcell" className={styles.muted}>
                {row.source}
              </span>
              <span role="gridcell">{row.confidence}</span>
              <span role="gridcell" className={styles.segmentNote} title={row.note || undefined}>
                {row.note}
              </span>
            </div>
          ))}
          <div style={{ height: visible.paddingBottom }} aria-hidden="true" />
        </div>
      </div>
      {contextMenu.element}
    </>
  );
}
