import { z } from "zod";
import {
  addPatientsToCohort,
  type CohortListing,
  type CohortPatient,
  createCohort,
  deleteCohort,
  listCohortPatients,
  listCohorts,
  patientsOfRecordings,
} from "../db/cohort.repository";
import { authorize } from "../auth/authorize";
import type { Database } from "../db/database";
import { workspaceOfCohort, workspaceOfCorpus } from "../db/workspace-scope.repository";
import { listOf } from "../db/workspace-scope-more.repository";
import { auditActorOf, refuseOutsideWorkspaces, workspaceFilter } from "../auth/workspace-checks";
import type { Actor, Permission } from "../domain/access/workspace-access";
import { errorResponse } from "../http/error-response";
import { isUuid } from "../http/search-params";
import { CohortError } from "./cohort-error";
import { problemsOf } from "../http/zod-problems";
import { answerCohortErrors, json, uuidSchema } from "./cohort-responses";

/**
 * GET/POST /api/cohorts and GET/PATCH/DELETE /api/cohorts/:id. A cohort is
 * made of patients; a projection selection (recording ids) becomes the
 * recordings' patients, and recordings without a patient are reported back
 * as skipped rather than dropped silently.
 */

export interface CohortListJson {
  cohorts: CohortListing[];
}

export interface CohortDetailJson {
  cohort: CohortListing;
  patients: CohortPatient[];
}

/** POST /api/cohorts (201) and PATCH /api/cohorts/:id answer this. */
export interface CohortWriteJson {
  cohort: CohortListing;
  /** Patients that joined the cohort with this request. */
  addedPatients: number;
  /** Selected recordings that belong to no patient, so could not bring one in. */
  skippedRecordings: string[];
}

export interface CohortDeletedJson {
  deleted: { id: string; name: string };
}

/** Generous: a projection lasso over a large corpus can select tens of thousands of recordings. */
export const MAX_COHORT_IDS = 100_000;

const idList = (what: string) =>
  z.array(uuidSchema, { error: `must be a list of ${what} ids` }).max(MAX_COHORT_IDS, { error: `must list at most ${MAX_COHORT_IDS} ids` });

export const createCohortBodySchema = z.object(
  {
    corpusId: uuidSchema,
    name: z.string({ error: "must be the cohort's name" }).trim().min(1, { error: "must not be empty" }).max(200, { error: "must be at most 200 characters" }),
    description: z.string({ error: "must be text" }).max(2000, { error: "must be at most 2,000 characters" }).optional(),
    patientIds: idList("patient").optional(),
    recordingIds: idList("recording").optional(),
  },
  { error: "must be an object { corpusId, name, description?, patientIds?, recordingIds? }" },
);

export const addPatientsBodySchema = z.object(
  { patientIds: idList("patient").optional(), recordingIds: idList("recording").optional() },
  { error: "must be an object { patientIds?, recordingIds? }" },
);

const listQuerySchema = z.object({ corpus: uuidSchema.optional() });

export async function serveCohortList(database: Database, request: Pick<Request, "headers">, params: URLSearchParams): Promise<Response> {
  const auth = await authorize(database, request, "read");
  if (!auth.ok) return auth.response;
  const query = listQuerySchema.safeParse(Object.fromEntries(params));
  if (!query.success) return errorResponse(400, `Invalid query parameters. ${problemsOf(query.error)}`, "QUERY_INVALID");
  const workspaceIds = workspaceFilter(auth.actor);
  const cohorts = await listCohorts(database.prisma, { ...(query.data.corpus ? { corpusId: query.data.corpus } : {}), ...(workspaceIds ? { workspaceIds } : {}) });
  return json({ cohorts } satisfies CohortListJson);
}

export async function serveCohortCreate(database: Database, request: Pick<Request, "headers">, body: unknown): Promise<Response> {
  const auth = await authorize(database, request, "analyse");
  if (!auth.ok) return auth.response;
  const parsed = createCohortBodySchema.safeParse(body);
  if (!parsed.success) return errorResponse(400, `Invalid cohort. ${problemsOf(parsed.error)}`, "COHORT_INVALID");
  const { corpusId, name, description, patientIds = [], recordingIds = [] } = parsed.data;
  const refused = await refuseOutsideWorkspaces(
    auth.actor,
    "analyse",
    async () => listOf(await workspaceOfCorpus(database.prisma, corpusId)),
    () => errorResponse(404, `There is no corpus with id ${corpusId}.`, "CORPUS_NOT_FOUND"),
  );
  if (refused) return refused;
  return answerCohortErrors(async () => {
    const selected = await patientsFromSelection(database, corpusId, patientIds, recordingIds);
    if (selected.patientIds.length === 0 && selected.skippedRecordings.length > 0) {
      throw new CohortError(
        "COHORT_EMPTY",
        `None of the ${selected.skippedRecordings.length} selected recordings belongs to a patient, so cohort "${name}" would be empty. Give the recordings patients (the import manifest's patient column) first.`,
      );
    }
    const cohort = await createCohort(database.prisma, { corpusId, name, ...(description !== undefined ? { description } : {}), patientIds: selected.patientIds });
    return json({ cohort, addedPatients: cohort.patientCount, skippedRecordings: selected.skippedRecordings } satisfies CohortWriteJson, 201);
  });
}

export async function serveCohortDetail(database: Database, request: Pick<Request, "headers">, cohortId: string): Promise<Response> {
  const access = await authorizeCohort(database, request, "read", cohortId);
  if (!access.ok) return access.response;
  return answerCohortErrors(async () => {
    const id = cohortId.toLowerCase();
    const patients = await listCohortPatients(database.prisma, id);
    const [cohort] = await listCohorts(database.prisma, { ids: [id] });
    if (!cohort) return notFound(cohortId);
    return json({ cohort, patients } satisfies CohortDetailJson);
  });
}

export async function serveCohortAddPatients(database: Database, request: Pick<Request, "headers">, cohortId: string, body: unknown): Promise<Response> {
  const auth = await authorize(database, request, "analyse");
  if (!auth.ok) return auth.response;
  if (!isUuid(cohortId)) return notFound(cohortId);
  const parsed = addPatientsBodySchema.safeParse(body);
  if (!parsed.success) return errorResponse(400, `Invalid request. ${problemsOf(parsed.error)}`, "COHORT_INVALID");
  const id = cohortId.toLowerCase();
  const refused = await refuseOutsideWorkspaces(auth.actor, "analyse", async () => listOf(await workspaceOfCohort(database.prisma, id)), () => notFound(cohortId));
  if (refused) return refused;
  return answerCohortErrors(async () => {
    const [before] = await listCohorts(database.prisma, { ids: [id] });
    if (!before) return notFound(cohortId);
    const selected = await patientsFromSelection(database, before.corpus.id, parsed.data.patientIds ?? [], parsed.data.recordingIds ?? []);
    const { added } = await addPatientsToCohort(database.prisma, id, selected.patientIds);
    const [cohort] = await listCohorts(database.prisma, { ids: [id] });
    if (!cohort) return notFound(cohortId);
    return json({ cohort, addedPatients: added, skippedRecordings: selected.skippedRecordings } satisfies CohortWriteJson);
  });
}

export async function serveCohortDelete(database: Database, request: Pick<Request, "headers">, cohortId: string): Promise<Response> {
  const access = await authorizeCohort(database, request, "analyse", cohortId);
  if (!access.ok) return access.response;
  const { id, actor, address } = access;
  const workspaceId = access.workspaceId ?? (await workspaceOfCohort(database.prisma, id));
  const audit = { ...auditActorOf(actor), action: "cohort.delete", targetType: "cohort", targetId: id, workspaceId, address } as const;
  return answerCohortErrors(async () => json({ deleted: { id, name: (await deleteCohort(database.prisma, id, audit)).name } } satisfies CohortDeletedJson));
}

/** `workspaceId`: null where it was not looked up (an actor who sees every workspace). */
type CohortAccess = { ok: true; id: string; workspaceId: string | null; actor: Actor; address: string } | { ok: false; response: Response };

/** Who asks, and whether they may do `permission` to this cohort; another workspace's cohort answers as an unknown one. */
async function authorizeCohort(database: Database, request: Pick<Request, "headers">, permission: Permission, cohortId: string): Promise<CohortAccess> {
  const auth = await authorize(database, request, permission);
  if (!auth.ok) return auth;
  if (!isUuid(cohortId)) return { ok: false, response: notFound(cohortId) };
  const id = cohortId.toLowerCase();
  let workspaceId: string | null = null;
  const refused = await refuseOutsideWorkspaces(
    auth.actor,
    permission,
    async () => listOf((workspaceId = await workspaceOfCohort(database.prisma, id))),
    () => notFound(cohortId),
  );
  return refused ? { ok: false, response: refused } : { ok: true, id, workspaceId, actor: auth.actor, address: auth.address };
}

/** Patient ids plus the patients of the selected recordings; recordings of another corpus are refused, ones without a patient skipped. */
async function patientsFromSelection(
  database: Database,
  corpusId: string,
  patientIds: readonly string[],
  recordingIds: readonly string[],
): Promise<{ patientIds: string[]; skippedRecordings: string[] }> {
  if (recordingIds.length === 0) return { patientIds: [...patientIds], skippedRecordings: [] };
  const byPatient = await patientsOfRecordings(database.prisma, corpusId, recordingIds);
  if (!byPatient) throw new CohortError("CORPUS_NOT_FOUND", `There is no corpus with id ${corpusId}.`);
  if (byPatient.notInCorpus.length > 0) {
    const shown = byPatient.notInCorpus.slice(0, 5).join(", ") + (byPatient.notInCorpus.length > 5 ? ` and ${byPatient.notInCorpus.length - 5} more` : "");
    throw new CohortError("RECORDING_NOT_IN_CORPUS", `${byPatient.notInCorpus.length} of the selected recordings ${byPatient.notInCorpus.length === 1 ? "is" : "are"} not in this cohort's corpus: ${shown}.`);
  }
  return { patientIds: [...new Set([...patientIds, ...byPatient.patientIds])], skippedRecordings: byPatient.withoutPatient };
}

function notFound(cohortId: string): Response {
  return errorResponse(404, `There is no cohort with id ${isUuid(cohortId) ? cohortId : "(malformed)"}.`, "COHORT_NOT_FOUND");
}
