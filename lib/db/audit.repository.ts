import { type AuditEventInput, type AuditEventRecord, checkAuditDetails } from "../domain/audit-event";
import type { Prisma, PrismaClient } from "./generated/client";

/**
 * The append-only audit log. Writes go through recordAuditEvent only (the
 * database turns updates and deletes of its rows into no-ops); reads page
 * backwards from the newest event.
 */

type Writer = Pick<PrismaClient, "auditEvent"> | Prisma.TransactionClient;

/** Records one event; call it inside the transaction of the change it records, so both land or neither. */
export async function recordAuditEvent(prisma: Writer, event: AuditEventInput): Promise<void> {
  const details = event.details ?? {};
  checkAuditDetails(details);
  await prisma.auditEvent.create({
    data: {
      actorId: event.actorId,
      actorName: event.actorName,
      action: event.action,
      targetType: event.targetType ?? "",
      targetId: event.targetId ?? "",
      workspaceId: event.workspaceId ?? null,
      address: event.address ?? "",
      details: details as Prisma.InputJsonValue,
    },
  });
}

export interface AuditFilter {
  actorId?: string;
  /** The username as the event recorded it ("cli" for the command line, "local" in single-user mode). */
  actorName?: string;
  action?: string;
  workspaceId?: string;
  from?: Date;
  to?: Date;
  /** Events strictly older than this one (its `at` and id), for paging. */
  before?: { at: Date; id: string };
  limit: number;
}

/** Newest first. */
export async function listAuditEvents(prisma: PrismaClient, filter: AuditFilter): Promise<AuditEventRecord[]> {
  const rows = await prisma.auditEvent.findMany({
    where: {
      ...(filter.actorId ? { actorId: filter.actorId } : {}),
      ...(filter.actorName ? { actorName: filter.actorName } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.workspaceId ? { workspaceId: filter.workspaceId } : {}),
      at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) },
      ...(filter.before ? { OR: [{ at: { lt: filter.before.at } }, { at: filter.before.at, id: { lt: filter.before.id } }] } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: filter.limit,
  });
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action as AuditEventRecord["action"],
    targetType: row.targetType,
    targetId: row.targetId,
    workspaceId: row.workspaceId,
    address: row.address,
    details: row.details as AuditEventRecord["details"],
  }));
}

/** The paging cursor of an event: its time and id; null when there is no such event. */
export async function auditEventCursor(prisma: PrismaClient, id: string): Promise<{ at: Date; id: string } | null> {
  return prisma.auditEvent.findUnique({ where: { id }, select: { at: true, id: true } });
}
