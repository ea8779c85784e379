import { z } from "zod";
import { auditEventCursor, listAuditEvents } from "../db/audit.repository";
import type { Database } from "../db/database";
import { AUDIT_ACTIONS, auditEventsToCsv, type AuditEventRecord } from "../domain/audit-event";
import { errorResponse } from "../http/error-response";
import { isUuid } from "../http/search-params";
import { problemsOf } from "../http/zod-problems";
import { authorizeSiteAdmin } from "./authorize";

/**
 * GET /api/audit: the audit log for administrators, newest first, filtered by
 * actor (an account id, or `actorName` as recorded), action and time, paged with `before` (the last event's id);
 * `format=csv` downloads up to MAX_AUDIT_CSV_ROWS events as CSV.
 */

export const MAX_AUDIT_PAGE = 500;
export const MAX_AUDIT_CSV_ROWS = 100_000;

const querySchema = z.object({
  actor: z.string().refine(isUuid, { error: "must be an account id" }).optional(),
  actorName: z.string().trim().min(1).max(200).optional(),
  action: z.enum(AUDIT_ACTIONS, { error: "must be one of the audit actions" }).optional(),
  from: z.iso.datetime({ error: "must be an ISO 8601 time" }).optional(),
  to: z.iso.datetime({ error: "must be an ISO 8601 time" }).optional(),
  before: z.string().refine(isUuid, { error: "must be an event id" }).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(100),
  format: z.enum(["json", "csv"]).default("json"),
});

export interface AuditListJson {
  events: AuditEventRecord[];
}

export async function serveAuditLog(database: Database, request: Request): Promise<Response> {
  const authorized = await authorizeSiteAdmin(database, request);
  if (!authorized.ok) return authorized.response;
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return errorResponse(400, `Invalid audit query. ${problemsOf(parsed.error)}`, "AUDIT_QUERY_INVALID");
  const query = parsed.data;
  let before: { at: Date; id: string } | undefined;
  if (query.before) {
    const event = await auditEventCursor(database.prisma, query.before);
    if (!event) return errorResponse(404, `Audit event ${query.before} does not exist.`, "NOT_FOUND");
    before = event;
  }
  const events = await listAuditEvents(database.prisma, {
    ...(query.actor ? { actorId: query.actor } : {}),
    ...(query.actorName ? { actorName: query.actorName } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.from ? { from: new Date(query.from) } : {}),
    ...(query.to ? { to: new Date(query.to) } : {}),
    ...(before ? { before } : {}),
    limit: query.format === "csv" ? MAX_AUDIT_CSV_ROWS : query.limit,
  });
  if (query.format === "csv") {
    return new Response(auditEventsToCsv([...events].reverse()), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="resonance-audit.csv"', "Cache-Control": "no-store" },
    });
  }
  return Response.json({ events } satisfies AuditListJson, { headers: { "Cache-Control": "no-store" } });
}
