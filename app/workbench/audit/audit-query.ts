import type { AuditDetailValue } from "@/lib/domain/audit-event";

/** What the audit log view filters by, as the researcher types it. */
export interface AuditFilterInput {
  /** A username as the events recorded it; "" for everyone. */
  actorName: string;
  /** An audit action; "" for every action. */
  action: string;
  /** YYYY-MM-DD, the first day shown (UTC); "" for no bound. */
  fromDay: string;
  /** YYYY-MM-DD, the last day shown (UTC), whole; "" for no bound. */
  toDay: string;
}

export const NO_AUDIT_FILTER: AuditFilterInput = { actorName: "", action: "", fromDay: "", toDay: "" };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The day after a YYYY-MM-DD, at midnight UTC, as ISO 8601: the API's `to` is exclusive. */
function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

/** The query string of GET /api/audit for a filter, a page (`before`: the last event shown) or the CSV download. */
export function auditSearch(filter: AuditFilterInput, page: { before?: string; limit?: number; format?: "csv" } = {}): string {
  const params = new URLSearchParams();
  if (filter.actorName.trim()) params.set("actorName", filter.actorName.trim());
  if (filter.action) params.set("action", filter.action);
  if (DAY.test(filter.fromDay)) params.set("from", `${filter.fromDay}T00:00:00.000Z`);
  if (DAY.test(filter.toDay)) params.set("to", dayAfter(filter.toDay));
  if (page.before) params.set("before", page.before);
  if (page.limit) params.set("limit", String(page.limit));
  if (page.format) params.set("format", page.format);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** An event's details on one line: "emotion=sad, region=…, assignments=12". */
export function describeAuditDetails(details: Readonly<Record<string, AuditDetailValue>>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}=${value === null ? "none" : Array.isArray(value) ? value.join(" ") : String(value)}`)
    .join(", ");
}
