import { mkdtempSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveCohortComparison } from "../cohorts/serve-cohort-comparison";
import { serveCohortAddPatients, serveCohortCreate, serveCohortDelete, serveCohortDetail, serveCohortList } from "../cohorts/serve-cohorts";
import { servePatientTrajectory } from "../cohorts/serve-patient-trajectory";
import { serveAnalysisRequest } from "../corpus/serve-analysis-request";
import { serveImportRequest } from "../corpus/serve-imports";
import { serveUploadStart } from "../corpus/serve-uploads";
import { buildTwoLabs, type TwoLabs, type User } from "../corpus/testing/two-labs-fixture";
import { listAuditEvents } from "../db/audit.repository";
import { PROJECT_ROOT, testDatabaseMode } from "../db/testing/test-database";
import { buildHealthReport } from "../health/health-report";
import { createJobQueue, type JobQueue } from "../jobs/job-queue";

/**
 * With ACCOUNTS=on, the cohort, trajectory, import, upload and analysis
 * routes: reading a cohort takes reading its workspace, making and changing
 * one takes "analyse", importing and uploading take managing the workspace;
 * another lab's cohorts, patients and corpora answer as unknown ones.
 */

let labs: TwoLabs;
let queue: JobQueue;
let modelsDir: string;
const previous = { ACCOUNTS: process.env.ACCOUNTS, DATA_DIR: process.env.DATA_DIR };

beforeAll(async () => {
  process.env.ACCOUNTS = "on";
  labs = await buildTwoLabs();
  queue = createJobQueue(labs.database, { heartbeatTimeoutSeconds: 60 });
  modelsDir = mkdtempSync(path.join(tmpdir(), "no-models-"));
}, 120_000);

afterAll(async () => {
  await labs?.destroy();
  if (modelsDir) rmSync(modelsDir, { recursive: true, force: true });
  for (const [name, value] of Object.entries(previous)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const as = (who: User | null) => labs.request(who);

async function body<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

describe(`cohorts, imports and analyses with accounts on ${testDatabaseMode()}`, () => {
  it("lists and shows only the asker's cohorts; another lab's cohort or patient is unknown", async () => {
    await body(await serveCohortList(labs.database, as(null), new URLSearchParams()), 401);
    const list = await body<{ cohorts: { name: string }[] }>(await serveCohortList(labs.database, as("ben"), new URLSearchParams()), 200);
    expect(list.cohorts.map((cohort) => cohort.name)).toEqual(["CA"]);

    const unknown = randomUUID();
    const missing = await body<{ error: string; code: string }>(await serveCohortDetail(labs.database, as("ben"), unknown), 404);
    const hidden = await body<{ error: string; code: string }>(await serveCohortDetail(labs.database, as("ben"), labs.cohorts.CB), 404);
    expect(hidden).toEqual({ ...missing, error: missing.error.replace(unknown, labs.cohorts.CB) });
    expect((await body<{ cohort: { name: string } }>(await serveCohortDetail(labs.database, as("ben"), labs.cohorts.CA), 200)).cohort.name).toBe("CA");

    const trajectory = (who: User, patientId: string) =>
      servePatientTrajectory({ database: labs.database, store: labs.store, request: as(who), patientId, params: new URLSearchParams() });
    expect(await body(await trajectory("ben", labs.patients.PB1), 404)).toEqual({ error: `There is no patient with id ${labs.patients.PB1}.`, code: "PATIENT_NOT_FOUND" });
    expect((await body<{ patient: { code: string } }>(await trajectory("ben", labs.patients.PA1), 200)).patient.code).toBe("PA1");
  });

  it("compares cohorts only when the asker reads every one", async () => {
    const compare = (who: User, cohortIds: string[]) =>
      serveCohortComparison({ database: labs.database, store: labs.store, request: as(who), body: { cohortIds, permutations: 10, seed: 1 } });
    const created = await body<{ cohort: { id: string } }>(
      await serveCohortCreate(labs.database, as("rita"), { corpusId: labs.corpora.A.id, name: "Second", recordingIds: [labs.recordings.a2] }),
      201,
    );
    expect(await body(await compare("rita", [labs.cohorts.CA, labs.cohorts.CB]), 404)).toEqual({ error: `There is no cohort with id ${labs.cohorts.CB}.`, code: "COHORT_NOT_FOUND" });
    expect((await compare("ben", [labs.cohorts.CA, created.cohort.id])).status).toBe(200);
  });

  it("makes, changes and deletes cohorts with the analyse permission only, and audits the deletion", async () => {
    const create = (who: User, corpusId: string) => serveCohortCreate(labs.database, as(who), { corpusId, name: `By ${who}`, patientIds: [labs.patients.PA1] });
    expect(await body(await create("ben", labs.corpora.A.id), 403)).toEqual({
      error: "Your role (viewer) in this workspace does not allow you to run analyses and write notebooks, cohorts and projections.",
      code: "FORBIDDEN",
    });
    expect(await body(await create("rita", labs.corpora.B.id), 404)).toEqual({ error: `There is no corpus with id ${labs.corpora.B.id}.`, code: "CORPUS_NOT_FOUND" });
    const created = await body<{ cohort: { id: string } }>(await create("rita", labs.corpora.A.id), 201);
    const id = created.cohort.id;

    await body(await serveCohortAddPatients(labs.database, as("ana"), id, { patientIds: [labs.patients.PA1] }), 403);
    await body(await serveCohortAddPatients(labs.database, as("cleo"), id, { patientIds: [labs.patients.PB1] }), 404);
    expect((await body<{ addedPatients: number }>(await serveCohortAddPatients(labs.database, as("rita"), id, { patientIds: [labs.patients.PA1] }), 200)).addedPatients).toBe(0);

    await body(await serveCohortDelete(labs.database, as("ben"), id), 403);
    await body(await serveCohortDelete(labs.database, as("cleo"), id), 404);
    expect(await body(await serveCohortDelete(labs.database, as("rita"), id), 200)).toEqual({ deleted: { id, name: "By rita" } });
    const events = await listAuditEvents(labs.database.prisma, { action: "cohort.delete", limit: 5 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: labs.userIds.rita, actorName: "rita", targetType: "cohort", targetId: id, workspaceId: labs.labs.A });
  });

  it("imports and uploads only for workspace admins, into their own corpora", async () => {
    const importing = (who: User, corpusName: string) =>
      serveImportRequest({ database: labs.database, queue, importRoots: [] }, as(who), { corpusName, source: { kind: "upload", uploadId: randomUUID() } });
    expect((await body<{ error: string }>(await importing("rita", "Lab A study"), 403)).error).toContain("(reviewer)");
    expect((await body<{ error: string }>(await importing("cleo", "Lab A study"), 403)).error).toBe(
      'Cannot import into corpus "Lab A study": You are not a member of the workspace this belongs to.',
    );
    const job = await body<{ id: string; kind: string }>(await importing("adam", "Lab A study"), 202);
    expect(job.kind).toBe("import");
    expect((await queue.get(job.id)).createdById).toBe(labs.userIds.adam);
    // A new corpus joins the Default workspace, where Lab A's admin has no role, unless the request names another.
    await body(await importing("adam", "Brand new study"), 403);
    const into = (who: User, corpusName: string, workspace: string) =>
      serveImportRequest({ database: labs.database, queue, importRoots: [] }, as(who), { corpusName, workspace, source: { kind: "upload", uploadId: randomUUID() } });
    const queued = await body<{ id: string }>(await into("adam", "Brand new study", "Lab A"), 202);
    expect((await queue.get(queued.id)).payload).toMatchObject({ corpusName: "Brand new study", workspace: "Lab A" });
    // A workspace one is not in reads as one that does not exist; an existing corpus stays where it is.
    const hidden = await body<{ error: string }>(await into("adam", "Another study", "Lab B"), 400);
    expect(hidden.error).toBe('There is no workspace "Lab B" to import into.');
    expect((await body<{ error: string }>(await into("adam", "Another study", "Lab Z"), 400)).error).toBe('There is no workspace "Lab Z" to import into.');
    expect((await body<{ error: string }>(await into("cleo", "Lab A study", "Lab B"), 400)).error).toContain("belongs to another workspace");

    const settings = { dataDir: labs.dataDir, uploadMaxBytes: 1000 };
    await body(await serveUploadStart(labs.database, as("ana"), settings), 403);
    await body(await serveUploadStart(labs.database, as(null), settings), 401);
    expect(await body(await serveUploadStart(labs.database, as("cleo"), settings), 201)).toMatchObject({ maxBytes: 1000 });
  });

  it("queues analyses only of recordings, corpora and cohorts the asker may analyse", async () => {
    const analyse = (who: User, selection: Record<string, unknown>) =>
      serveAnalysisRequest({ database: labs.database, queue, modelsDir }, as(who), { modelId: "emotion2vec-plus-base", selection });
    await body(await analyse("ana", { recordingIds: [labs.recordings.a1] }), 403);
    expect(await body(await analyse("rita", { recordingIds: [labs.recordings.a1, labs.recordings.b1] }), 404)).toEqual({
      error: `There is no recording with id ${labs.recordings.b1}.`,
      code: "RECORDING_NOT_FOUND",
    });
    await body(await analyse("rita", { corpusName: "Lab B study" }), 404);
    await body(await analyse("rita", { cohortName: "CB" }), 404);
    // Past the checks, the request reaches the model lookup (there is no model in this empty folder).
    const allowed = await body<{ code: string }>(await analyse("rita", { corpusName: "Lab A study", cohortName: "CA" }), 400);
    expect(allowed.code).toBe("MODEL_NOT_FOUND");
  });

  it("keeps patient data out of the health report, which needs no login", async () => {
    const report = JSON.stringify(await buildHealthReport(labs.database, path.join(PROJECT_ROOT, "prisma", "migrations"), 1));
    for (const secret of ["PA1", "PB1", "shared-a1", "Lab A study", "CA"]) expect(report).not.toContain(secret);
  });
});
