"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AUDIT_ACTIONS, type AuditEventRecord } from "@/lib/domain/audit-event";
import { fetchJson } from "../api-fetch";
import styles from "../agreement/agreement.module.css";
import { type AuditFilterInput, auditSearch, describeAuditDetails, NO_AUDIT_FILTER } from "./audit-query";

const PAGE = 200;

/**
 * The audit log for site administrators: who did what, when and from where,
 * newest first, filtered by account, action and days, a page at a time, and
 * the filtered log as CSV. Everyone else gets the server's refusal.
 */
export function AuditLogEditor() {
  const [draft, setDraft] = useState<AuditFilterInput>(NO_AUDIT_FILTER);
  const [filter, setFilter] = useState<AuditFilterInput>(NO_AUDIT_FILTER);
  const log = useInfiniteQuery({
    queryKey: ["audit", filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => fetchJson<{ events: AuditEventRecord[] }>(`/api/audit${auditSearch(filter, { limit: PAGE, ...(pageParam ? { before: pageParam } : {}) })}`, { signal }),
    getNextPageParam: (last) => (last.events.length === PAGE ? last.events[last.events.length - 1]!.id : undefined),
    // A refusal (not a site administrator) does not change by asking again.
    retry: false,
  });
  const events = log.data?.pages.flatMap((page) => page.events) ?? [];
  const set = (key: keyof AuditFilterInput) => (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [key]: event.target.value }));

  return (
    <div className={styles.editor} data-testid="audit-log">
      <form
        className={styles.toolbar}
        aria-label="Filter the audit log"
        onSubmit={(event) => {
          event.preventDefault();
          setFilter(draft);
        }}
      >
        <label>
          Account
          <input value={draft.actorName} onChange={set("actorName")} placeholder="username" size={14} />
        </label>
        <label>
          Action
          <select value={draft.action} onChange={set("action")}>
            <option value="">Every action</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={draft.fromDay} onChange={set("fromDay")} />
        </label>
        <label>
          To
          <input type="date" value={draft.toDay} onChange={set("toDay")} />
        </label>
        <button type="submit" className="button">
          Apply
        </button>
        <a className="button" href={`/api/audit${auditSearch(filter, { format: "csv" })}`} download>
          Export CSV
        </a>
      </form>
      {log.isError && (
        <p role="alert" className={styles.problem}>
          {log.error.message}
        </p>
      )}
      <div className={styles.body}>
        {log.isSuccess && <p className={styles.meta}>{events.length === 0 ? "No events match." : `${events.length} ${events.length === 1 ? "event" : "events"}, newest first (times in UTC).`}</p>}
        {events.length > 0 && (
          <table className={styles.table} aria-label="Audit events">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">From</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id} data-testid="audit-row" data-action={event.action}>
                  <td>{event.at.replace("T", " ").slice(0, 19)}</td>
                  <td>{event.actorName}</td>
                  <td>{event.action}</td>
                  <td title={event.targetId}>{event.targetType ? `${event.targetType} ${event.targetId.slice(0, 8)}` : ""}</td>
                  <td>{event.address}</td>
                  <td>{describeAuditDetails(event.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {log.hasNextPage && (
          <button type="button" className="button" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {log.isFetchingNextPage ? "Loading…" : "Load older events"}
          </button>
        )}
      </div>
    </div>
  );
}
