import type { AgreementItem } from "../domain/agreement/agreement-item";
import { type AuditEventInput, checkAuditDetails } from "../domain/audit-event";
import type { PlannedAssignment } from "../domain/annotation/assignment-plan";
import { Prisma, type PrismaClient } from "./generated/client";

/**
 * Annotators' own labels (apart from the final label) and their assignments.
 * regionKey is "" for the whole recording, else the region's id.
 */

export interface AnnotationView {
  id: string;
  recordingId: string;
  regionId: string | null;
  annotatorId: string;
  annotator: string;
  emotion: string;
  updatedAt: string;
}

const regionKeyOf = (regionId: string | null) => regionId ?? "";

/** A recording's annotations; `onlyAnnotatorId` keeps one annotator's (blinded annotators see only their own). */
export async function listAnnotations(prisma: PrismaClient, recordingId: string, onlyAnnotatorId?: string): Promise<AnnotationView[]> {
  const rows = await prisma.annotation.findMany({
    where: { recordingId, ...(onlyAnnotatorId ? { annotatorId: onlyAnnotatorId } : {}) },
    orderBy: [{ regionKey: "asc" }, { annotator: { username: "asc" } }],
    select: { id: true, recordingId: true, regionKey: true, annotatorId: true, emotion: true, updatedAt: true, annotator: { select: { username: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    recordingId: row.recordingId,
    regionId: row.regionKey === "" ? null : row.regionKey,
    annotatorId: row.annotatorId,
    annotator: row.annotator.username,
    emotion: row.emotion,
    updatedAt: row.updatedAt.toISOString(),
  }));
}

export async function findAnnotation(prisma: PrismaClient, id: string): Promise<AnnotationView | null> {
  const row = await prisma.annotation.findUnique({
    where: { id },
    select: { id: true, recordingId: true, regionKey: true, annotatorId: true, emotion: true, updatedAt: true, annotator: { select: { username: true } } },
  });
  if (!row) return null;
  return { id: row.id, recordingId: row.recordingId, regionId: row.regionKey === "" ? null : row.regionKey, annotatorId: row.annotatorId, annotator: row.annotator.username, emotion: row.emotion, updatedAt: row.updatedAt.toISOString() };
}

/** Adds the plan's assignments (existing ones stay); the number added. */
export async function addAssignments(prisma: PrismaClient, plan: readonly PlannedAssignment[]): Promise<number> {
  if (plan.length === 0) return 0;
  const { count } = await prisma.annotationAssignment.createMany({ data: plan.map((entry) => ({ ...entry })), skipDuplicates: true });
  return count;
}

export async function assignedRecordingIds(prisma: PrismaClient, annotatorId: string): Promise<string[]> {
  const rows = await prisma.annotationAssignment.findMany({ where: { annotatorId }, select: { recordingId: true }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => row.recordingId);
}

/**
 * The annotations of a corpus (optionally only the recordings of a cohort's
 * patients) as agreement items: one item per recording or region, with each
 * annotator's label.
 */
export async function agreementItems(prisma: PrismaClient, scope: { corpusId: string; cohortId?: string }): Promise<AgreementItem[]> {
  const cohort = scope.cohortId
    ? Prisma.sql`AND r."patientId" IN (SELECT m."patientId" FROM "CohortMembership" m WHERE m."cohortId" = ${scope.cohortId}::uuid)`
    : Prisma.empty;
  const rows = await prisma.$queryRaw<{ item: string; annotatorId: string; emotion: string }[]>`
    SELECT a."recordingId"::text || ':' || a."regionKey" AS item, a."annotatorId"::text AS "annotatorId", a.emotion
    FROM "Annotation" a JOIN "Recording" r ON r.id = a."recordingId"
    WHERE r."corpusId" = ${scope.corpusId}::uuid ${cohort}
    ORDER BY 1, 2`;
  return itemsOf(rows);
}

/** The annotations of the given recordings as agreement items (exports: agreement among the annotators of what they hold). */
export async function agreementItemsOfRecordings(prisma: PrismaClient, recordingIds: readonly string[]): Promise<AgreementItem[]> {
  if (recordingIds.length === 0) return [];
  const rows = await prisma.$queryRaw<{ item: string; annotatorId: string; emotion: string }[]>`
    SELECT a."recordingId"::text || ':' || a."regionKey" AS item, a."annotatorId"::text AS "annotatorId", a.emotion
    FROM "Annotation" a WHERE a."recordingId" = ANY(${[...recordingIds]}::uuid[])
    ORDER BY 1, 2`;
  return itemsOf(rows);
}

function itemsOf(rows: readonly { item: string; annotatorId: string; emotion: string }[]): AgreementItem[] {
  const items = new Map<string, Map<string, string>>();
  for (const row of rows) {
    const ratings = items.get(row.item) ?? new Map<string, string>();
    ratings.set(row.annotatorId, row.emotion);
    items.set(row.item, ratings);
  }
  return [...items].map(([itemId, ratings]) => ({ itemId, ratings }));
}

/**
 * Upserts an annotation and appends its audit event in one statement: both
 * land or neither, in one round trip (the save path of a team labelling at
 * once, where each round trip costs the server's one thread).
 */
export async function saveAnnotationWithAudit(
  prisma: PrismaClient,
  annotation: { recordingId: string; regionId: string | null; annotatorId: string; emotion: string },
  audit: AuditEventInput,
): Promise<AnnotationView> {
  const details = audit.details ?? {};
  checkAuditDetails(details);
  const rows = await prisma.$queryRaw<{ id: string; updatedAt: Date; annotator: string }[]>`
    WITH saved AS (
      INSERT INTO "Annotation" ("id", "recordingId", "regionKey", "annotatorId", "emotion", "updatedAt")
      VALUES (gen_random_uuid(), ${annotation.recordingId}::uuid, ${regionKeyOf(annotation.regionId)}, ${annotation.annotatorId}::uuid, ${annotation.emotion}, now())
      ON CONFLICT ("recordingId", "regionKey", "annotatorId") DO UPDATE SET "emotion" = EXCLUDED."emotion", "updatedAt" = now()
      RETURNING "id", "updatedAt"
    ), logged AS (
      INSERT INTO "AuditEvent" ("id", "actorId", "actorName", "action", "targetType", "targetId", "workspaceId", "address", "details")
      VALUES (gen_random_uuid(), ${audit.actorId}::uuid, ${audit.actorName}, ${audit.action}, ${audit.targetType ?? ""}, ${audit.targetId ?? ""},
              ${audit.workspaceId ?? null}::uuid, ${audit.address ?? ""}, ${JSON.stringify(details)}::jsonb)
    )
    SELECT saved."id"::text AS id, saved."updatedAt", u."username" AS annotator FROM saved, "User" u WHERE u."id" = ${annotation.annotatorId}::uuid`;
  const row = rows[0];
  if (!row) throw new Error(`annotator ${annotation.annotatorId} does not exist`);
  return {
    id: row.id,
    recordingId: annotation.recordingId,
    regionId: annotation.regionId,
    annotatorId: annotation.annotatorId,
    annotator: row.annotator,
    emotion: annotation.emotion,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** True when the region is one of the recording's (a null region is the whole recording). */
export async function regionBelongsTo(prisma: PrismaClient, recordingId: string, regionId: string | null): Promise<boolean> {
  if (regionId === null) return true;
  return (await prisma.region.count({ where: { id: regionId, recordingId } })) === 1;
}

export async function isWorkspaceBlinded(prisma: PrismaClient, workspaceId: string): Promise<boolean> {
  return (await prisma.workspace.findUnique({ where: { id: workspaceId }, select: { blindAnnotators: true } }))?.blindAnnotators ?? false;
}

/** Those of these workspaces that blind their annotators. */
export async function blindedAmong(prisma: PrismaClient, workspaceIds: readonly string[]): Promise<string[]> {
  if (workspaceIds.length === 0) return [];
  const rows = await prisma.workspace.findMany({ where: { id: { in: [...workspaceIds] }, blindAnnotators: true }, select: { id: true } });
  return rows.map((row) => row.id);
}

/** The named accounts with their role in the workspace (null when they have none there). */
export async function accountsWithRoleIn(
  prisma: PrismaClient,
  usernames: readonly string[],
  workspaceId: string,
): Promise<{ id: string; username: string; role: "admin" | "reviewer" | "annotator" | "viewer" | null }[]> {
  const users = await prisma.user.findMany({
    where: { username: { in: [...usernames] } },
    select: { id: true, username: true, memberships: { where: { workspaceId }, select: { role: true } } },
  });
  return users.map((user) => ({ id: user.id, username: user.username, role: user.memberships[0]?.role ?? null }));
}

export async function recordingIdsOfCorpus(prisma: PrismaClient, corpusId: string): Promise<string[]> {
  return (await prisma.recording.findMany({ where: { corpusId }, select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id);
}

export async function usernamesOf(prisma: PrismaClient, userIds: readonly string[]): Promise<Map<string, string>> {
  const users = await prisma.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, username: true } });
  return new Map(users.map((user) => [user.id, user.username]));
}
