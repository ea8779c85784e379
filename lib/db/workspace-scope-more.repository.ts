import type { PrismaClient } from "./generated/client";

/**
 * Workspaces of several resources at once, for requests that name many (a
 * bulk label, a comparison of cohorts, an analysis selection): one statement
 * each, whatever the number of ids.
 */

/** Where a corpus lands when an import creates it (the migration creates this workspace). */
export const DEFAULT_WORKSPACE_ID = "00000000-0000-4000-8000-000000000001";

/** A workspace lookup's answer as refuseOutsideWorkspaces takes it: none when the resource does not exist. */
export function listOf(workspaceId: string | null): string[] {
  return workspaceId === null ? [] : [workspaceId];
}

/** Recording id → workspace id, for the ids that exist. */
export async function workspacesOfRecordings(prisma: PrismaClient, recordingIds: readonly string[]): Promise<Map<string, string>> {
  if (recordingIds.length === 0) return new Map();
  const rows = await prisma.recording.findMany({ where: { id: { in: [...new Set(recordingIds)] } }, select: { id: true, corpus: { select: { workspaceId: true } } } });
  return new Map(rows.map((row) => [row.id, row.corpus.workspaceId]));
}

/** Cohort id → workspace id, for the ids that exist. */
export async function workspacesOfCohorts(prisma: PrismaClient, cohortIds: readonly string[]): Promise<Map<string, string>> {
  if (cohortIds.length === 0) return new Map();
  const rows = await prisma.cohort.findMany({ where: { id: { in: [...new Set(cohortIds)] } }, select: { id: true, corpus: { select: { workspaceId: true } } } });
  return new Map(rows.map((row) => [row.id, row.corpus.workspaceId]));
}

/** The id of the workspace with this name, or null. */
export async function workspaceIdNamed(prisma: PrismaClient, name: string): Promise<string | null> {
  return (await prisma.workspace.findUnique({ where: { name }, select: { id: true } }))?.id ?? null;
}

/** The workspace of the corpus with this name (names are unique across workspaces), or null. */
export async function workspaceOfCorpusNamed(prisma: PrismaClient, name: string): Promise<string | null> {
  return (await prisma.corpus.findUnique({ where: { name }, select: { workspaceId: true } }))?.workspaceId ?? null;
}

/** The workspaces of the corpora holding a cohort with this name (cohort names are unique within a corpus only). */
export async function workspacesOfCohortsNamed(prisma: PrismaClient, name: string, corpusName?: string): Promise<string[]> {
  const rows = await prisma.corpus.findMany({
    where: { ...(corpusName !== undefined ? { name: corpusName } : {}), cohorts: { some: { name } } },
    select: { workspaceId: true },
  });
  return [...new Set(rows.map((row) => row.workspaceId))];
}
