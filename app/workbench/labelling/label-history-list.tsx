"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { formatSpan } from "@/lib/domain/label-edit-title";
import type { RegionView } from "@/lib/domain/label-state";
import { historyRow } from "./history-format";
import { labelHistoryQuery } from "./label-queries";
import styles from "./labelling.module.css";

/** The edit history of the selected region, or of the recording when none is selected; refreshed after every edit. */
export function LabelHistoryList({ recordingId, region }: { recordingId: string; region: RegionView | null }) {
  // Arrowing through the segment list selects a region per key press; fetch the history of the one the researcher stops on.
  const regionId = region?.id ?? null;
  const settledId = useSettled(regionId, SETTLE_MS);
  const history = useQuery(labelHistoryQuery(recordingId, settledId));
  const entries = settledId === regionId ? history.data : undefined;
  const now = new Date();
  const heading = region ? `History of region ${formatSpan(region)}` : "History of the recording";
  return (
    <section className={styles.block} aria-label={heading}>
      <h3 className={styles.heading}>{heading}</h3>
      {history.isError && <p className={styles.error}>Could not load the history: {history.error.message}</p>}
      {!entries && !history.isError && <p className={styles.empty}>Loading…</p>}
      {entries && entries.length === 0 && <p className={styles.empty}>No edits yet.</p>}
      {entries && entries.length > 0 && (
        <ol className={styles.history} data-testid="label-history">
          {entries.map((entry) => {
            const row = historyRow(entry, now);
            return (
              <li key={row.id} className={styles.historyEntry} data-testid="label-history-entry" data-state={row.state} data-source={row.source}>
                <div className={styles.historyTitle}>
                  <span className={row.state === "done" ? undefined : styles.undone}>{row.title}</span>
                  <span className={row.source === "model" ? styles.badgeModel : styles.badge}>{row.source}</span>
                  {row.state !== "done" && <span className={styles.badgeUndone}>{row.state}</span>}
                </div>
                {row.change && <div className={styles.historyChange}>{row.change}</div>}
                <div className={styles.muted}>
                  {row.who} · <time dateTime={row.at} title={row.at}>{row.when}</time>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

const SETTLE_MS = 200;

/** `value`, once it has stayed the same for `ms` (and at once the first time). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
