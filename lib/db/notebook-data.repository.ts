import type { ModelIdentity } from "../domain/notebook/notebook-cell";
import { Prisma, type PrismaClient } from "./generated/client";

/**
 * The state of the data a notebook cell read, as a token per source, so that
 * a later read tells whether anything changed since the cell ran. A token is
 * built from counts and the newest write times and version counters of the
 * rows behind the source: an insert, a deletion, a label edit, an undo and a
 * recomputed projection each change it. Sources are global ("labels") or
 * pinned to one row ("projection:<id>"); a pinned row that no longer exists
 * has no token.
 */

export interface DataSourceState {
  token: string;
  /** How many rows the source holds now, for the provenance's counts. */
  count: number;
}

type Row = { n: number; token: string | null };

const GLOBAL_SOURCES: Record<string, Prisma.Sql> = {
  corpora: Prisma.sql`SELECT count(*)::int AS n, count(*) || '@' || coalesce(max("createdAt")::text, '') AS token FROM "Corpus"`,
  patients: Prisma.sql`SELECT count(*)::int AS n, count(*) || '@' || coalesce(max("createdAt")::text, '') AS token FROM "Patient"`,
  sessions: Prisma.sql`SELECT count(*)::int AS n, count(*) || '@' || coalesce(max("createdAt")::text, '') AS token FROM "StudySession"`,
  recordings: Prisma.sql`SELECT count(*)::int AS n, count(*) || '@' || coalesce(max("updatedAt")::text, '') AS token FROM "Recording"`,
  // Every label change bumps its recording's version, undo and redo included.
  labels: Prisma.sql`SELECT (SELECT count(*)::int FROM "Label" WHERE "supersededById" IS NULL) AS n,
      (SELECT count(*) FROM "Label") || '/' || (SELECT coalesce(sum(version), 0) FROM "Recording") || '/' || (SELECT count(*) FROM "Recording") AS token`,
  annotations: Prisma.sql`SELECT count(*)::int AS n, count(*) || '@' || coalesce(max("updatedAt")::text, '') AS token FROM "Annotation"`,
  analyses: Prisma.sql`SELECT count(*)::int AS n, count(*) || '@' || coalesce(max("createdAt")::text, '') AS token FROM "Analysis"`,
  cohorts: Prisma.sql`SELECT (SELECT count(*)::int FROM "Cohort") AS n,
      (SELECT count(*) || '@' || coalesce(max("createdAt")::text, '') FROM "Cohort") || '/' || (SELECT count(*) || '@' || coalesce(max("createdAt")::text, '') FROM "CohortMembership") AS token`,
  projections: Prisma.sql`SELECT count(*)::int AS n,
      count(*) || '@' || coalesce(max("createdAt")::text, '') || '/' || coalesce(max("finishedAt")::text, '') || '/' || coalesce(sum("pointCount"), 0) AS token FROM "Projection"`,
};

function pinnedSource(kind: string, id: string): Prisma.Sql | null {
  switch (kind) {
    case "projection":
      return Prisma.sql`SELECT "pointCount"::int AS n, coalesce("finishedAt"::text, 'unfinished') || '/' || "pointCount" || '/' || coalesce("inputHash", '') AS token
        FROM "Projection" WHERE id = ${id}::uuid`;
    case "recording":
      return Prisma.sql`SELECT 1 AS n, r.version || '/' || r."updatedAt"::text || '/' ||
          (SELECT count(*) || '@' || coalesce(max(a."createdAt")::text, '') FROM "Analysis" a WHERE a."audioHash" = r."analysisHash") AS token
        FROM "Recording" r WHERE r.id = ${id}::uuid`;
    case "patient":
      return Prisma.sql`SELECT (SELECT count(*)::int FROM "Recording" WHERE "patientId" = p.id) AS n,
          (SELECT count(*) || '/' || coalesce(sum(version), 0) FROM "Recording" WHERE "patientId" = p.id) || '/' ||
          (SELECT count(*) || '@' || coalesce(max(a."createdAt")::text, '') FROM "Analysis" a JOIN "Recording" r ON r."analysisHash" = a."audioHash" WHERE r."patientId" = p.id) AS token
        FROM "Patient" p WHERE p.id = ${id}::uuid`;
    case "cohort":
      return Prisma.sql`SELECT (SELECT count(*)::int FROM "CohortMembership" WHERE "cohortId" = c.id) AS n,
          c.name || '/' || (SELECT count(*) || '@' || coalesce(max("createdAt")::text, '') FROM "CohortMembership" WHERE "cohortId" = c.id) AS token
        FROM "Cohort" c WHERE c.id = ${id}::uuid`;
    default:
      return null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The state of each named source; a source that does not exist (or is not a known name) is absent from the map. */
export async function readDataSourceStates(prisma: PrismaClient, sources: readonly string[]): Promise<Map<string, DataSourceState>> {
  const states = new Map<string, DataSourceState>();
  for (const source of new Set(sources)) {
    const [kind, id] = source.split(":", 2) as [string, string | undefined];
    const query = id === undefined ? GLOBAL_SOURCES[kind] : UUID.test(id) ? pinnedSource(kind, id) : null;
    if (!query) continue;
    const [row] = await prisma.$queryRaw<Row[]>(query);
    if (row && row.token !== null) states.set(source, { token: row.token, count: row.n });
  }
  return states;
}

/** Models that have analyses stored, newest first: the identities behind the analyses view. */
export async function modelsWithAnalyses(prisma: PrismaClient): Promise<ModelIdentity[]> {
  const rows = await prisma.$queryRaw<ModelIdentity[]>`
    SELECT m."modelKey" AS key, m.version FROM "Model" m WHERE EXISTS (SELECT FROM "Analysis" a WHERE a."modelId" = m.id)
    ORDER BY m."modelKey", m.version`;
  return rows;
}

/** The model a projection was computed with, and its name and size, or null when it does not exist. */
export async function projectionForNotebook(
  prisma: PrismaClient,
  id: string,
): Promise<{ name: string; pointCount: number; missingCount: number; finished: boolean; level: string; model: ModelIdentity } | null> {
  const row = await prisma.projection.findUnique({
    where: { id },
    select: { name: true, pointCount: true, missingCount: true, finishedAt: true, level: true, model: { select: { modelKey: true, version: true } } },
  });
  if (!row) return null;
  return {
    name: row.name,
    pointCount: row.pointCount,
    missingCount: row.missingCount,
    finished: row.finishedAt !== null,
    level: row.level,
    model: { key: row.model.modelKey, version: row.model.version },
  };
}

/** A recording's name and length and the models that analysed it, or null. */
export async function recordingForNotebook(
  prisma: PrismaClient,
  id: string,
): Promise<{ name: string; durationSeconds: number; labelCount: number; models: ModelIdentity[] } | null> {
  const row = await prisma.recording.findUnique({ where: { id }, select: { originalName: true, durationSeconds: true, analysisHash: true } });
  if (!row) return null;
  const labelCount = await prisma.label.count({ where: { recordingId: id, supersededById: null } });
  const models = row.analysisHash
    ? await prisma.$queryRaw<ModelIdentity[]>`
        SELECT DISTINCT m."modelKey" AS key, m.version FROM "Analysis" a JOIN "Model" m ON m.id = a."modelId"
        WHERE a."audioHash" = ${row.analysisHash} ORDER BY 1, 2`
    : [];
  return { name: row.originalName, durationSeconds: row.durationSeconds, labelCount, models };
}

export async function cohortsForNotebook(prisma: PrismaClient, ids: readonly string[]): Promise<{ id: string; name: string; patientCount: number }[]> {
  const rows = await prisma.cohort.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true, _count: { select: { memberships: true } } } });
  return rows.map((row) => ({ id: row.id, name: row.name, patientCount: row._count.memberships }));
}

export async function patientForNotebook(prisma: PrismaClient, id: string): Promise<{ code: string; recordingCount: number; sessionCount: number } | null> {
  const row = await prisma.patient.findUnique({ where: { id }, select: { code: true, _count: { select: { recordings: true, sessions: true } } } });
  return row ? { code: row.code, recordingCount: row._count.recordings, sessionCount: row._count.sessions } : null;
}
