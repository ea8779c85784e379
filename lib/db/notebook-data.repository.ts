import type { ModelIdentity } from "../domain/notebook/notebook-cell";
import { Prisma, type PrismaClient } from "./generated/client";
import { checkWorkspaceScope, type NotebookWorkspaceScope } from "./notebook-query-scope.repository";
import { selectionWithinWorkspaces } from "./selection-workspaces.repository";

/**
 * The state of the data a notebook cell read, as a token per source, so that
 * a later read tells whether anything changed since the cell ran. A token is
 * built from counts and the newest write times and version counters of the
 * rows behind the source: an insert, a deletion, a label edit, an undo and a
 * recomputed projection each change it. Sources are global ("labels") or
 * pinned to one row ("projection:<id>"); a pinned row that no longer exists
 * has no token. Both are read within the workspaces the cell may read, so a
 * provenance counts nothing of another workspace.
 */

export interface DataSourceState {
  token: string;
  /** How many rows the source holds now, for the provenance's counts. */
  count: number;
}

type Row = { n: number; token: string | null };

/**
 * A condition that a corpus id (an SQL expression) lies in the scope: TRUE for
 * "all", so that the tokens of single-user mode stay what they were before
 * tokens were scoped and stored provenance stays fresh.
 */
function corpusInScope(corpusId: Prisma.Sql, scope: NotebookWorkspaceScope): Prisma.Sql {
  if (scope === "all") return Prisma.sql`TRUE`;
  return Prisma.sql`${corpusId} IN (SELECT sc.id FROM "Corpus" sc WHERE sc."workspaceId" = ANY(${[...scope]}::uuid[]))`;
}

function globalSource(kind: string, scope: NotebookWorkspaceScope): Prisma.Sql | null {
  const inScope = (corpusId: Prisma.Sql) => corpusInScope(corpusId, scope);
  const recordingInScope = (recordingId: Prisma.Sql) =>
    scope === "all" ? Prisma.sql`TRUE` : Prisma.sql`${recordingId} IN (SELECT sr.id FROM "Recording" sr WHERE ${inScope(Prisma.sql`sr."corpusId"`)})`;
  const cohortInScope = (cohortId: Prisma.Sql) =>
    scope === "all" ? Prisma.sql`TRUE` : Prisma.sql`${cohortId} IN (SELECT sh.id FROM "Cohort" sh WHERE ${inScope(Prisma.sql`sh."corpusId"`)})`;
  switch (kind) {
    case "corpora":
      return Prisma.sql`SELECT count(*)::int AS n, count(*) || '@' || coalesce(max("createdAt")::text, '') AS token FROM "Corpus" WHERE ${inScope(Prisma.sql`id`)}`;
    case "patients":
      return Prisma.sql`SELECT count(*)::int AS n, count(*) || '@' || coalesce(max("createdAt")::text, '') AS token FROM "Patient" WHERE ${inScope(Prisma.sql`"corpusId"`)}`;
    case "sessions":
      return Prisma.sql`SELECT count(*)::int AS n, count(*) || '@' || coalesce(max(s."createdAt")::text, '') AS token
        FROM "StudySession" s WHERE ${scope === "all" ? Prisma.sql`TRUE` : Prisma.sql`s."patientId" IN (SELECT sp.id FROM "Patient" sp WHERE ${inScope(Prisma.sql`sp."corpusId"`)})`}`;
    case "recordings":
      return Prisma.sql`SELECT count(*)::int AS n, count(*) || '@' || coalesce(max("updatedAt")::text, '') AS token FROM "Recording" WHERE ${inScope(Prisma.sql`"corpusId"`)}`;
    case "labels":
      // Every label change bumps its recording's version, undo and redo included.
      return Prisma.sql`SELECT (SELECT count(*)::int FROM "Label" l WHERE l."supersededById" IS NULL AND ${recordingInScope(Prisma.sql`l."recordingId"`)}) AS n,
          (SELECT count(*) FROM "Label" l WHERE ${recordingInScope(Prisma.sql`l."recordingId"`)}) || '/' ||
          (SELECT coalesce(sum(version), 0) FROM "Recording" WHERE ${inScope(Prisma.sql`"corpusId"`)}) || '/' ||
          (SELECT count(*) FROM "Recording" WHERE ${inScope(Prisma.sql`"corpusId"`)}) AS token`;
    case "annotations":
      return Prisma.sql`SELECT count(*)::int AS n, count(*) || '@' || coalesce(max(a."updatedAt")::text, '') AS token
        FROM "Annotation" a WHERE ${recordingInScope(Prisma.sql`a."recordingId"`)}`;
    case "analyses":
      // An analysis belongs to audio: it counts when a recording in scope has that audio.
      return Prisma.sql`SELECT count(*)::int AS n, count(*) || '@' || coalesce(max(a."createdAt")::text, '') AS token FROM "Analysis" a
        WHERE ${scope === "all" ? Prisma.sql`TRUE` : Prisma.sql`EXISTS (SELECT FROM "Recording" r WHERE r."analysisHash" = a."audioHash" AND ${inScope(Prisma.sql`r."corpusId"`)})`}`;
    case "cohorts":
      return Prisma.sql`SELECT (SELECT count(*)::int FROM "Cohort" WHERE ${inScope(Prisma.sql`"corpusId"`)}) AS n,
          (SELECT count(*) || '@' || coalesce(max("createdAt")::text, '') FROM "Cohort" WHERE ${inScope(Prisma.sql`"corpusId"`)}) || '/' ||
          (SELECT count(*) || '@' || coalesce(max("createdAt")::text, '') FROM "CohortMembership" m WHERE ${cohortInScope(Prisma.sql`m."cohortId"`)}) AS token`;
    case "projections":
      return Prisma.sql`SELECT count(*)::int AS n,
          count(*) || '@' || coalesce(max("createdAt")::text, '') || '/' || coalesce(max("finishedAt")::text, '') || '/' || coalesce(sum("pointCount"), 0) AS token
        FROM "Projection" p WHERE ${projectionInScope(scope)}`;
    default:
      return null;
  }
}

function projectionInScope(scope: NotebookWorkspaceScope): Prisma.Sql {
  return scope === "all" ? Prisma.sql`TRUE` : selectionWithinWorkspaces(Prisma.sql`p.selection`, scope);
}

function pinnedSource(kind: string, id: string, scope: NotebookWorkspaceScope): Prisma.Sql | null {
  switch (kind) {
    case "projection":
      return Prisma.sql`SELECT "pointCount"::int AS n, coalesce("finishedAt"::text, 'unfinished') || '/' || "pointCount" || '/' || coalesce("inputHash", '') AS token
        FROM "Projection" p WHERE p.id = ${id}::uuid AND ${projectionInScope(scope)}`;
    case "recording":
      return Prisma.sql`SELECT 1 AS n, r.version || '/' || r."updatedAt"::text || '/' ||
          (SELECT count(*) || '@' || coalesce(max(a."createdAt")::text, '') FROM "Analysis" a WHERE a."audioHash" = r."analysisHash") AS token
        FROM "Recording" r WHERE r.id = ${id}::uuid AND ${corpusInScope(Prisma.sql`r."corpusId"`, scope)}`;
    case "patient":
      return Prisma.sql`SELECT (SELECT count(*)::int FROM "Recording" WHERE "patientId" = p.id) AS n,
          (SELECT count(*) || '/' || coalesce(sum(version), 0) FROM "Recording" WHERE "patientId" = p.id) || '/' ||
          (SELECT count(*) || '@' || coalesce(max(a."createdAt")::text, '') FROM "Analysis" a JOIN "Recording" r ON r."analysisHash" = a."audioHash" WHERE r."patientId" = p.id) AS token
        FROM "Patient" p WHERE p.id = ${id}::uuid AND ${corpusInScope(Prisma.sql`p."corpusId"`, scope)}`;
    case "cohort":
      return Prisma.sql`SELECT (SELECT count(*)::int FROM "CohortMembership" WHERE "cohortId" = c.id) AS n,
          c.name || '/' || (SELECT count(*) || '@' || coalesce(max("createdAt")::text, '') FROM "CohortMembership" WHERE "cohortId" = c.id) AS token
        FROM "Cohort" c WHERE c.id = ${id}::uuid AND ${corpusInScope(Prisma.sql`c."corpusId"`, scope)}`;
    default:
      return null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The state of each named source as seen from `scope`, the workspaces the
 * cell reads (the same scope the notebook views apply): counts and tokens
 * cover only rows of corpora in those workspaces, and a pinned row outside
 * them has no state, as if it did not exist. A source that does not exist
 * (or is not a known name) is absent from the map.
 */
export async function readDataSourceStates(
  prisma: PrismaClient,
  sources: readonly string[],
  scope: NotebookWorkspaceScope,
): Promise<Map<string, DataSourceState>> {
  checkWorkspaceScope(scope);
  const states = new Map<string, DataSourceState>();
  for (const source of new Set(sources)) {
    const [kind, id] = source.split(":", 2) as [string, string | undefined];
    const query = id === undefined ? globalSource(kind, scope) : UUID.test(id) ? pinnedSource(kind, id, scope) : null;
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
