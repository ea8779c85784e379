import { CohortError } from "../cohorts/cohort-error";
import type { AuditEventInput } from "../domain/audit-event";
import { recordAuditEvent } from "./audit.repository";
import { Prisma, type PrismaClient } from "./generated/client";

/**
 * Cohorts (named sets of a corpus's patients) and what the cohort comparison
 * and the patient trajectory read: each recording's current labels and the
 * chosen model's whole-recording analysis. Reads take a fixed number of
 * statements whatever the number of recordings (the recordings in scope are a
 * subquery, never a list of ids sent back and forth).
 */

export interface CohortListing {
  id: string;
  name: string;
  description: string;
  corpus: { id: string; name: string };
  patientCount: number;
  recordingCount: number;
  createdAt: string;
}

export interface CohortPatient {
  id: string;
  code: string;
  recordingCount: number;
  sessionCount: number;
}

export interface NewCohort {
  corpusId: string;
  name: string;
  description?: string;
  patientIds: readonly string[];
}

/** `workspaceIds`: only cohorts of these workspaces' corpora (those the asker may read); undefined: every workspace. */
export async function listCohorts(prisma: PrismaClient, filter: { corpusId?: string; ids?: readonly string[]; workspaceIds?: readonly string[] } = {}): Promise<CohortListing[]> {
  const corpus = filter.corpusId ? Prisma.sql`AND c."corpusId" = ${filter.corpusId}::uuid` : Prisma.empty;
  const workspaces = filter.workspaceIds ? Prisma.sql`AND co."workspaceId" = ANY(${[...filter.workspaceIds]}::uuid[])` : Prisma.empty;
  const ids = filter.ids ? Prisma.sql`AND c.id = ANY(${[...filter.ids]}::uuid[])` : Prisma.empty;
  const rows = await prisma.$queryRaw<(Omit<CohortListing, "corpus" | "createdAt"> & { corpusId: string; corpusName: string; createdAt: Date })[]>`
    SELECT c.id::text AS id, c.name, c.description, c."createdAt", co.id::text AS "corpusId", co.name AS "corpusName",
      (SELECT count(*) FROM "CohortMembership" m WHERE m."cohortId" = c.id)::int AS "patientCount",
      (SELECT count(*) FROM "CohortMembership" m JOIN "Recording" r ON r."patientId" = m."patientId" WHERE m."cohortId" = c.id)::int AS "recordingCount"
    FROM "Cohort" c JOIN "Corpus" co ON co.id = c."corpusId"
    WHERE TRUE ${corpus} ${ids} ${workspaces}
    ORDER BY lower(co.name), co.id, lower(c.name), c.name, c.id`;
  return rows.map(({ corpusId, corpusName, createdAt, ...row }) => ({
    ...row,
    patientCount: Number(row.patientCount),
    recordingCount: Number(row.recordingCount),
    corpus: { id: corpusId, name: corpusName },
    createdAt: new Date(createdAt).toISOString(),
  }));
}

/** Creates the cohort with its patients in one transaction: a bad patient id or a taken name leaves nothing behind. */
export async function createCohort(prisma: PrismaClient, cohort: NewCohort): Promise<CohortListing> {
  const patientIds = [...new Set(cohort.patientIds.map((id) => id.toLowerCase()))];
  const id = await prisma.$transaction(async (tx) => {
    const corpus = await tx.corpus.findUnique({ where: { id: cohort.corpusId }, select: { id: true, name: true } });
    if (!corpus) throw new CohortError("CORPUS_NOT_FOUND", `There is no corpus with id ${cohort.corpusId}.`);
    if (patientIds.length === 0) throw new CohortError("COHORT_EMPTY", `Cohort "${cohort.name}" would have no patients; choose at least one.`);
    await checkPatientsInCorpus(tx, corpus, patientIds);
    const taken = await tx.cohort.findUnique({ where: { corpusId_name: { corpusId: corpus.id, name: cohort.name } }, select: { id: true } });
    if (taken) throw nameTaken(corpus.name, cohort.name);
    try {
      const row = await tx.cohort.create({ data: { corpusId: corpus.id, name: cohort.name, description: cohort.description ?? "" }, select: { id: true } });
      await tx.cohortMembership.createMany({ data: patientIds.map((patientId) => ({ cohortId: row.id, patientId })) });
      return row.id;
    } catch (error) {
      // Another request took the name between the check and the insert.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw nameTaken(corpus.name, cohort.name);
      throw error;
    }
  });
  return (await listCohorts(prisma, { ids: [id] }))[0]!;
}

/** Adds patients of the cohort's corpus; ones already in it are kept. Returns how many were new. */
export async function addPatientsToCohort(prisma: PrismaClient, cohortId: string, patientIds: readonly string[]): Promise<{ added: number }> {
  const ids = [...new Set(patientIds.map((id) => id.toLowerCase()))];
  return prisma.$transaction(async (tx) => {
    const cohort = await tx.cohort.findUnique({ where: { id: cohortId }, select: { name: true, corpus: { select: { id: true, name: true } } } });
    if (!cohort) throw cohortNotFound(cohortId);
    if (ids.length === 0) return { added: 0 };
    await checkPatientsInCorpus(tx, cohort.corpus, ids);
    const created = await tx.cohortMembership.createMany({ data: ids.map((patientId) => ({ cohortId, patientId })), skipDuplicates: true });
    return { added: created.count };
  });
}

/** Deletes the cohort and its memberships (patients and recordings stay), with its audit event in the same transaction. */
export async function deleteCohort(prisma: PrismaClient, cohortId: string, audit?: AuditEventInput): Promise<{ name: string }> {
  return prisma.$transaction(async (tx) => {
    const cohort = await tx.cohort.findUnique({ where: { id: cohortId }, select: { name: true } });
    const deleted = cohort ? await tx.cohort.deleteMany({ where: { id: cohortId } }) : { count: 0 };
    if (!cohort || deleted.count === 0) throw cohortNotFound(cohortId);
    if (audit) await recordAuditEvent(tx, audit);
    return cohort;
  });
}

/** The cohort's patients by code, each with its recording and session counts. */
export async function listCohortPatients(prisma: PrismaClient, cohortId: string): Promise<CohortPatient[]> {
  const cohort = await prisma.cohort.findUnique({ where: { id: cohortId }, select: { id: true } });
  if (!cohort) throw cohortNotFound(cohortId);
  const rows = await prisma.patient.findMany({
    where: { memberships: { some: { cohortId } } },
    orderBy: [{ code: "asc" }, { id: "asc" }],
    select: { id: true, code: true, _count: { select: { recordings: true, sessions: true } } },
  });
  return rows.map((row) => ({ id: row.id, code: row.code, recordingCount: row._count.recordings, sessionCount: row._count.sessions }));
}

export interface RecordingsByPatient {
  /** Distinct patients of the recordings, in the order first met. */
  patientIds: string[];
  /** Recordings of the corpus that belong to no patient. */
  withoutPatient: string[];
  /** Ids that are no recording of this corpus (unknown, or another corpus's). */
  notInCorpus: string[];
}

/** The patients a selection of recordings (a projection's lasso) belongs to; null when there is no such corpus. */
export async function patientsOfRecordings(prisma: PrismaClient, corpusId: string, recordingIds: readonly string[]): Promise<RecordingsByPatient | null> {
  const ids = [...new Set(recordingIds.map((id) => id.toLowerCase()))];
  if (!(await prisma.corpus.findUnique({ where: { id: corpusId }, select: { id: true } }))) return null;
  const rows = await prisma.recording.findMany({ where: { id: { in: ids }, corpusId }, select: { id: true, patientId: true } });
  const found = new Map(rows.map((row) => [row.id, row.patientId]));
  const patientIds = new Set<string>();
  const withoutPatient: string[] = [];
  const notInCorpus: string[] = [];
  for (const id of ids) {
    if (!found.has(id)) notInCorpus.push(id);
    else if (found.get(id) === null) withoutPatient.push(id);
    else patientIds.add(found.get(id)!);
  }
  return { patientIds: [...patientIds], withoutPatient, notInCorpus };
}

// ── What the comparison and the trajectory read ─────────────────────────

export interface ModelSummary {
  id: string;
  modelKey: string;
  version: string;
  name: string;
}

export interface AnalysedModel extends ModelSummary {
  /** Recordings in scope with a whole-recording analysis by this model. */
  recordings: number;
}

export interface RecordingEvidenceRow {
  recordingId: string;
  patientId: string | null;
  sessionId: string | null;
  /** Live regions with a current, non-cleared label (every current label counts: a person set or accepted it). */
  regionLabels: { startSeconds: number; endSeconds: number; emotion: string }[];
  recordingLabel: string | null;
  /** The chosen model's whole-recording analysis; null without one (or without a chosen model). */
  analysis: { utteranceScores: unknown; frameScoresHash: string | null; embedding: Float32Array | null } | null;
}

export interface ComparisonInputs {
  cohorts: { id: string; name: string; corpusId: string }[];
  /** Which cohorts each patient is in (one entry per membership). */
  memberships: { cohortId: string; patientId: string }[];
  recordings: RecordingEvidenceRow[];
}

export type EvidenceScope = { cohortIds: readonly string[] } | { patientId: string };

/** The cohorts that exist among these ids, in the order asked for. */
export async function findCohorts(prisma: PrismaClient, cohortIds: readonly string[]): Promise<{ id: string; name: string; corpusId: string }[]> {
  const rows = await prisma.cohort.findMany({ where: { id: { in: [...cohortIds] } }, select: { id: true, name: true, corpusId: true } });
  return cohortIds.flatMap((id) => rows.filter((row) => row.id === id));
}

export async function findModel(prisma: PrismaClient, modelId: string): Promise<ModelSummary | null> {
  return prisma.model.findUnique({ where: { id: modelId }, select: { id: true, modelKey: true, version: true, name: true } });
}

/** Models with whole-recording analyses of the recordings in scope, most recordings first (then newest model). */
export async function modelsAnalysed(prisma: PrismaClient, scope: EvidenceScope): Promise<AnalysedModel[]> {
  const rows = await prisma.$queryRaw<(ModelSummary & { recordings: number | bigint })[]>`
    SELECT m.id::text AS id, m."modelKey", m.version, m.name, count(DISTINCT s.id)::int AS recordings
    FROM (${scopeSql(scope)}) s
    JOIN "Analysis" a ON a."audioHash" = s."analysisHash" AND a."rangeKey" = ''
    JOIN "Model" m ON m.id = a."modelId"
    GROUP BY m.id ORDER BY recordings DESC, m."createdAt" DESC, m.id`;
  return rows.map((row) => ({ ...row, recordings: Number(row.recordings) }));
}

/** Five statements: cohorts, memberships, recordings, current labels and the model's analyses. */
export async function comparisonInputs(prisma: PrismaClient, request: { cohortIds: readonly string[]; modelId: string | null }): Promise<ComparisonInputs> {
  const cohorts = await findCohorts(prisma, request.cohortIds);
  const memberships = await prisma.cohortMembership.findMany({ where: { cohortId: { in: cohorts.map((cohort) => cohort.id) } }, select: { cohortId: true, patientId: true } });
  const recordings = await recordingEvidence(prisma, { cohortIds: cohorts.map((cohort) => cohort.id) }, request.modelId);
  return { cohorts, memberships, recordings };
}

export interface TrajectoryInputs {
  patient: { id: string; code: string; corpus: { id: string; name: string } };
  sessions: { id: string; code: string; date: string | null; ordinal: number | null }[];
  recordings: RecordingEvidenceRow[];
}

export async function findPatient(prisma: PrismaClient, patientId: string): Promise<{ id: string; code: string } | null> {
  return prisma.patient.findUnique({ where: { id: patientId }, select: { id: true, code: true } });
}

export async function trajectoryInputs(prisma: PrismaClient, request: { patientId: string; modelId: string | null }): Promise<TrajectoryInputs | null> {
  const patient = await prisma.patient.findUnique({
    where: { id: request.patientId },
    select: { id: true, code: true, corpus: { select: { id: true, name: true } }, sessions: { select: { id: true, code: true, date: true, ordinal: true } } },
  });
  if (!patient) return null;
  const recordings = await recordingEvidence(prisma, { patientId: patient.id }, request.modelId);
  return {
    patient: { id: patient.id, code: patient.code, corpus: patient.corpus },
    sessions: patient.sessions.map((session) => ({ ...session, date: session.date ? session.date.toISOString().slice(0, 10) : null })),
    recordings,
  };
}

function scopeSql(scope: EvidenceScope): Prisma.Sql {
  const where =
    "patientId" in scope
      ? Prisma.sql`r."patientId" = ${scope.patientId}::uuid`
      : Prisma.sql`r."patientId" IN (SELECT "patientId" FROM "CohortMembership" WHERE "cohortId" = ANY(${[...scope.cohortIds]}::uuid[]))`;
  return Prisma.sql`SELECT r.id, r."patientId", r."sessionId", r."analysisHash" FROM "Recording" r WHERE ${where}`;
}

async function recordingEvidence(prisma: PrismaClient, scope: EvidenceScope, modelId: string | null): Promise<RecordingEvidenceRow[]> {
  const scoped = scopeSql(scope);
  const recordings = await prisma.$queryRaw<{ id: string; patientId: string | null; sessionId: string | null; analysisHash: string | null }[]>`
    SELECT s.id::text AS id, s."patientId"::text AS "patientId", s."sessionId"::text AS "sessionId", s."analysisHash" FROM (${scoped}) s ORDER BY s.id`;
  const labels = await prisma.$queryRaw<{ recordingId: string; regionId: string | null; emotion: string; startSeconds: number | null; endSeconds: number | null }[]>`
    SELECT l."recordingId"::text AS "recordingId", l."regionId"::text AS "regionId", l.emotion, g."startSeconds", g."endSeconds"
    FROM "Label" l LEFT JOIN "Region" g ON g.id = l."regionId"
    WHERE l."supersededById" IS NULL AND l.emotion IS NOT NULL AND (l."regionId" IS NULL OR g."deletedAt" IS NULL)
      AND l."recordingId" IN (SELECT id FROM (${scoped}) s)
    ORDER BY l."createdAt", l.id`;
  const analyses = modelId
    ? await prisma.$queryRaw<{ hash: string; scores: unknown; frameScoresHash: string | null; embedding: Uint8Array | null }[]>`
        SELECT a."audioHash" AS hash, a."utteranceScores" AS scores, a."frameScoresHash", a.embedding
        FROM "Analysis" a
        WHERE a."modelId" = ${modelId}::uuid AND a."rangeKey" = '' AND a."audioHash" IN (SELECT "analysisHash" FROM (${scoped}) s)`
    : [];
  const analysisOf = new Map(
    analyses.map((row) => [
      row.hash,
      {
        utteranceScores: typeof row.scores === "string" ? (JSON.parse(row.scores) as unknown) : row.scores,
        frameScoresHash: row.frameScoresHash,
        embedding: row.embedding ? float32From(row.embedding) : null,
      },
    ]),
  );
  // A chain has one current label per region; should there ever be two, the newest (last in order) wins.
  const regionLabels = new Map<string, Map<string, RecordingEvidenceRow["regionLabels"][number]>>();
  const recordingLabel = new Map<string, string>();
  for (const label of labels) {
    if (label.regionId === null) {
      recordingLabel.set(label.recordingId, label.emotion);
      continue;
    }
    const regions = regionLabels.get(label.recordingId) ?? new Map();
    regions.set(label.regionId, { startSeconds: Number(label.startSeconds), endSeconds: Number(label.endSeconds), emotion: label.emotion });
    regionLabels.set(label.recordingId, regions);
  }
  return recordings.map((row) => ({
    recordingId: row.id,
    patientId: row.patientId,
    sessionId: row.sessionId,
    regionLabels: [...(regionLabels.get(row.id)?.values() ?? [])],
    recordingLabel: recordingLabel.get(row.id) ?? null,
    analysis: (row.analysisHash ? analysisOf.get(row.analysisHash) : undefined) ?? null,
  }));
}

function float32From(bytes: Uint8Array): Float32Array {
  // A copy: the driver's buffer may be a view at an offset that is not a multiple of 4.
  const copy = new Uint8Array(bytes.length - (bytes.length % 4));
  copy.set(bytes.subarray(0, copy.length));
  return new Float32Array(copy.buffer);
}

async function checkPatientsInCorpus(tx: Prisma.TransactionClient, corpus: { id: string; name: string }, patientIds: readonly string[]): Promise<void> {
  const found = await tx.patient.findMany({ where: { id: { in: [...patientIds] }, corpusId: corpus.id }, select: { id: true } });
  if (found.length === patientIds.length) return;
  const known = new Set(found.map((row) => row.id));
  const missing = patientIds.filter((id) => !known.has(id));
  const shown = missing.slice(0, 5).join(", ") + (missing.length > 5 ? ` and ${missing.length - 5} more` : "");
  throw new CohortError("PATIENT_NOT_IN_CORPUS", `${missing.length === 1 ? "1 patient is" : `${missing.length} patients are`} not in corpus "${corpus.name}": ${shown}. A cohort holds patients of one corpus.`);
}

function nameTaken(corpusName: string, name: string): CohortError {
  return new CohortError("COHORT_NAME_TAKEN", `Corpus "${corpusName}" already has a cohort named "${name}"; choose another name or add the patients to that cohort.`);
}

function cohortNotFound(cohortId: string): CohortError {
  return new CohortError("COHORT_NOT_FOUND", `There is no cohort with id ${cohortId}.`);
}
