/**
 * The audit log's vocabulary. An event says who did what to which thing,
 * when and from where; its details hold ids, counts and names of settings,
 * never audio, free-text notes or patient identifiers.
 */

export const AUDIT_ACTIONS = [
  "login",
  "login.failed",
  "logout",
  "session.revoke",
  "user.create",
  "user.disable",
  "password.change",
  "role.set",
  "role.remove",
  "workspace.create",
  "workspace.update",
  "corpus.move",
  "label.set",
  "label.bulk",
  "label.import",
  "label.undo",
  "label.redo",
  "annotation.set",
  "assignment.create",
  "review.accept",
  "review.set",
  "export.create",
  "export.download",
  "token.create",
  "token.revoke",
  "token.use",
  "notebook.delete",
  "projection.delete",
  "cohort.delete",
  "corpus.delete",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditDetailValue = string | number | boolean | null | readonly (string | number)[];

export interface AuditEventInput {
  /** Null for the local researcher of embedded mode and for failed logins. */
  actorId: string | null;
  /** The username as it was, so the record outlives a renamed or removed account. */
  actorName: string;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  workspaceId?: string | null;
  /** The client address; "" where unknown (CLIs). */
  address?: string;
  details?: Readonly<Record<string, AuditDetailValue>>;
}

export interface AuditEventRecord extends Required<Omit<AuditEventInput, "details" | "workspaceId">> {
  id: string;
  at: string;
  workspaceId: string | null;
  details: Record<string, AuditDetailValue>;
}

// Keys whose values could carry free text or identifying content.
const FORBIDDEN_DETAIL_KEYS = /note|text|comment|password|secret|token$|audio|patient|code$/i;

/** Refuses details that could leak what the log must never hold; a programming error, so it throws. */
export function checkAuditDetails(details: Readonly<Record<string, AuditDetailValue>>): void {
  for (const [key, value] of Object.entries(details)) {
    if (FORBIDDEN_DETAIL_KEYS.test(key)) throw new Error(`audit details may not hold "${key}": the audit log never holds free text, secrets, audio or patient identifiers`);
    if (typeof value === "string" && value.length > 200) throw new Error(`audit detail "${key}" is ${value.length} characters; the audit log holds ids, counts and short names only`);
  }
}

const CSV_COLUMNS = ["at", "actor_id", "actor", "action", "target_type", "target_id", "workspace_id", "address", "details"] as const;

function csvField(value: string): string {
  // A leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The events as CSV (RFC 4180, CRLF), oldest first as given, for an admin's export. */
export function auditEventsToCsv(events: readonly AuditEventRecord[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const event of events) {
    lines.push(
      [event.at, event.actorId ?? "", event.actorName, event.action, event.targetType, event.targetId, event.workspaceId ?? "", event.address, JSON.stringify(event.details)]
        .map(csvField)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
