"use client";

import { memo } from "react";
import { formatDuration } from "../format-duration";
import type { ExplorerNode } from "./explorer-types";
import styles from "./explorer.module.css";
import { doneCount, STATUS_BADGES, STATUS_TITLES, statusShares, statusSummary } from "./status-text";
import type { TreeRow } from "./tree-rows";

const STATUS_ROW_TEXT = {
  loading: "Loading…",
  empty: "Nothing here matches the filter.",
  truncated: "Only the first recordings are listed; narrow the filter or use Search.",
} as const;

export const ROW_HEIGHT = 24;

/**
 * One row of the explorer tree, absolutely placed at its index (the list is
 * virtual). Folders show their count and how many recordings are done, with
 * a bar of status shares; recordings show their duration, label and status
 * in words as well as colour.
 */
export const ExplorerRow = memo(function ExplorerRow({
  row,
  index,
  domId,
  focused,
  selected,
  onClick,
  onToggle,
}: {
  row: TreeRow;
  index: number;
  domId: string;
  focused: boolean;
  selected: boolean;
  onClick: (row: TreeRow, index: number, toSide: boolean) => void;
  onToggle: (key: string) => void;
}) {
  const style = { top: index * ROW_HEIGHT, height: ROW_HEIGHT, paddingLeft: 6 + (row.level - 1) * 14 };
  if (row.type === "status") {
    return (
      <div role="none" className={styles.statusRow} style={style} data-status={row.status}>
        {row.status === "error" ? <span className={styles.error}>Could not load: {row.message}</span> : STATUS_ROW_TEXT[row.status]}
      </div>
    );
  }
  const { node } = row;
  return (
    <div
      role="treeitem"
      id={domId}
      aria-level={row.level}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={row.expandable ? row.expanded : undefined}
      aria-selected={selected}
      className={styles.row}
      data-focused={focused}
      data-kind={node.kind}
      data-testid="explorer-row"
      style={style}
      onClick={(event) => onClick(row, index, event.ctrlKey || event.metaKey)}
    >
      {row.expandable ? (
        <span
          className={styles.twistie}
          data-expanded={row.expanded}
          aria-hidden="true"
          onClick={(event) => {
            event.stopPropagation();
            onToggle(row.key);
          }}
        >
          ›
        </span>
      ) : (
        <span className={styles.twistie} aria-hidden="true" />
      )}
      <span className={styles.name} title={node.name}>
        {node.name}
        {node.kind === "recording" && node.trackIndex >= 0 && <span className={styles.muted}> · ch {node.trackIndex + 1}</span>}
        {/* Right under a corpus (the flat list) no folder says whose recording it is. */}
        {node.kind === "recording" && row.level === 2 && (node.patientCode || node.sessionCode) && (
          <span className={styles.muted}> · {[node.patientCode, node.sessionCode].filter(Boolean).join(" · ")}</span>
        )}
      </span>
      {node.kind === "recording" ? <RecordingFacts node={node} /> : <FolderFacts node={node} />}
    </div>
  );
});

function RecordingFacts({ node }: { node: Extract<ExplorerNode, { kind: "recording" }> }) {
  const emotion = node.humanEmotion ?? node.modelEmotion;
  const fromModel = node.humanEmotion === null && node.modelEmotion !== null;
  return (
    <>
      <span className={styles.duration}>{formatDuration(node.durationSeconds)}</span>
      {emotion && (
        <span className={styles.emotion} data-source={fromModel ? "model" : "human"} title={fromModel ? "The model's label" : "A person's label"}>
          {emotion}
          {fromModel && node.modelConfidence !== null && ` ${Math.round(node.modelConfidence * 100)}%`}
        </span>
      )}
      <span className={styles.badge} data-status={node.labelStatus} title={STATUS_TITLES[node.labelStatus]}>
        {STATUS_BADGES[node.labelStatus]}
      </span>
    </>
  );
}

function FolderFacts({ node }: { node: ExplorerNode }) {
  const summary = statusSummary(node.count, node.statusCounts);
  return (
    <span className={styles.folderFacts} title={summary}>
      <span className="visually-hidden">{summary}</span>
      <span aria-hidden="true" className={styles.shares}>
        {statusShares(node.statusCounts).map(({ status, share }) => (
          <span key={status} data-status={status} style={{ width: `${share * 100}%` }} />
        ))}
      </span>
      <span aria-hidden="true" className={styles.count}>
        {doneCount(node.statusCounts)}/{node.count}
      </span>
    </span>
  );
}
