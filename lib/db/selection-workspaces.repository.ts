import { Prisma, type PrismaClient } from "./generated/client";

/**
 * The workspaces of what a selection names. Projections and exports belong to
 * no one workspace: they belong to every workspace of the corpora, cohorts
 * and recordings their stored selection names (an export's projection points
 * name recordings too). That is read live from the JSON, so moving a corpus
 * to another workspace moves what was made of it along. Names of things that
 * were deleted since add no workspace.
 */

export interface NamedSelection {
  corpusIds?: readonly string[];
  cohortIds?: readonly string[];
  recordingIds?: readonly string[];
}

const ids = (selection: Prisma.Sql, ...path: string[]) =>
  Prisma.sql`jsonb_array_elements_text(COALESCE(${selection} #> ${`{${path.join(",")}}`}::text[], '[]'::jsonb))`;

/** One row ("workspaceId") per named thing that exists. `selection` is a jsonb expression. */
function namedWorkspaceRows(selection: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT c."workspaceId" FROM ${ids(selection, "corpusIds")} AS x(id) JOIN "Corpus" c ON c.id = x.id::uuid
    UNION ALL
    SELECT c."workspaceId" FROM ${ids(selection, "cohortIds")} AS x(id) JOIN "Cohort" h ON h.id = x.id::uuid JOIN "Corpus" c ON c.id = h."corpusId"
    UNION ALL
    SELECT c."workspaceId" FROM ${ids(selection, "recordingIds")} AS x(id) JOIN "Recording" r ON r.id = x.id::uuid JOIN "Corpus" c ON c.id = r."corpusId"
    UNION ALL
    SELECT c."workspaceId" FROM ${ids(selection, "projection", "pointKeys")} AS x(id)
      JOIN "Recording" r ON r.id = split_part(x.id, '|', 1)::uuid JOIN "Corpus" c ON c.id = r."corpusId"`;
}

/**
 * A condition on a row's selection (a jsonb expression): it names at least one
 * thing that still exists, and everything it names lies in `workspaceIds`.
 * For narrowing lists in the query itself.
 */
export function selectionWithinWorkspaces(selection: Prisma.Sql, workspaceIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`(SELECT bool_and(w."workspaceId" = ANY(${[...workspaceIds]}::uuid[])) FROM (${namedWorkspaceRows(selection)}) w) IS TRUE`;
}

async function distinctWorkspaces(prisma: PrismaClient, selection: Prisma.Sql): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ workspaceId: string }[]>`
    SELECT DISTINCT w."workspaceId"::text AS "workspaceId" FROM (${namedWorkspaceRows(selection)}) w ORDER BY 1`;
  return rows.map((row) => row.workspaceId);
}

/**
 * For a request that is about to store a selection: the workspaces of what it
 * names, how many distinct things it names and how many of them exist (a
 * request naming something that does not exist is answered like one naming
 * another workspace's data).
 */
export async function workspacesOfSelection(prisma: PrismaClient, selection: NamedSelection): Promise<{ workspaceIds: string[]; named: number; found: number }> {
  const unique = (values: readonly string[] | undefined) => [...new Set((values ?? []).map((value) => value.toLowerCase()))];
  const normalized = { corpusIds: unique(selection.corpusIds), cohortIds: unique(selection.cohortIds), recordingIds: unique(selection.recordingIds) };
  const rows = await prisma.$queryRaw<{ workspaceId: string; found: number }[]>`
    SELECT w."workspaceId"::text AS "workspaceId", COUNT(*)::int AS found
    FROM (${namedWorkspaceRows(Prisma.sql`${JSON.stringify(normalized)}::jsonb`)}) w GROUP BY 1 ORDER BY 1`;
  return {
    workspaceIds: rows.map((row) => row.workspaceId),
    named: normalized.corpusIds.length + normalized.cohortIds.length + normalized.recordingIds.length,
    found: rows.reduce((sum, row) => sum + row.found, 0),
  };
}

/** The workspaces of a stored projection's set; empty when it does not exist (or names only deleted things). */
export async function workspacesOfProjection(prisma: PrismaClient, projectionId: string): Promise<string[]> {
  return distinctWorkspaces(prisma, Prisma.sql`(SELECT p.selection FROM "Projection" p WHERE p.id = ${projectionId}::uuid)`);
}

/** The workspaces of a stored export's selection; empty when it does not exist (or names only deleted things). */
export async function workspacesOfExport(prisma: PrismaClient, exportId: string): Promise<string[]> {
  return distinctWorkspaces(prisma, Prisma.sql`(SELECT e.definition -> 'selection' FROM "Export" e WHERE e.id = ${exportId}::uuid)`);
}
