import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createWorkspace, setWorkspaceRole } from "../db/account.repository";
import { ensureModelRecord, saveAnalysis } from "../db/analysis.repository";
import { listAuditEvents } from "../db/audit.repository";
import { createTestDatabase, type TestDatabase, testDatabaseMode } from "../db/testing/test-database";
import type { WorkspaceRole } from "../domain/access/workspace-access";
import { CANONICAL_LABELS } from "../domain/emotion-labels";
import { exportArchivePath, exportFolder } from "../exports/export-paths";
import { serveExportArchive, serveExportDetail, serveExportList } from "../exports/serve-export-pull";
import { serveStartExport, serveWorkbenchExports } from "../exports/serve-exports";
import { createJobQueue, type JobQueue } from "../jobs/job-queue";
import { serveJob, serveJobCancel, serveJobList } from "../jobs/serve-jobs";
import { serveProblems } from "../jobs/serve-problems";
import { serveNotebookQuery } from "../notebooks/serve-notebook-query";
import {
  serveNotebookCellRun,
  serveNotebookCellsSave,
  serveNotebookCreate,
  serveNotebookDuplicate,
  serveNotebookList,
  serveNotebookPatch,
  serveNotebookRead,
} from "../notebooks/serve-notebooks";
import {
  serveAnalyseMissing,
  serveClusterings,
  serveCreateClustering,
  serveCreateProjection,
  serveDeleteProjection,
  servePlaceNewPoints,
  serveProjectableModels,
  serveProjection,
  serveProjectionList,
  serveProjectionPoints,
} from "../projection/serve-projections";
import { CLIENT_ADDRESS_HEADER } from "./authorize";
import { hashPassword } from "./password-hash";
import { serveApiTokenCreate, serveApiTokenList, serveApiTokenRevoke } from "./serve-api-tokens";
import { serveLogin } from "./serve-auth";

/**
 * With ACCOUNTS=on, the routes of projections, exports (workbench and pull
 * API), tokens, notebooks, jobs and problems: each permission boundary
 * refused and allowed, other workspaces' data answering 404 as if it did not
 * exist, lists narrowed, and the audit rows they write.
 *
 * Lab A: ada admin, rey reviewer, ann annotator, vic viewer. Lab B: bea
 * admin. sam is a site administrator without workspace roles.
 */

type User = "ada" | "rey" | "ann" | "vic" | "bea" | "sam";

let database: TestDatabase;
let queue: JobQueue;
let dataDir: string;
const previousAccounts = process.env.ACCOUNTS;
const PASSWORD = "a long enough password for tests";
const cookies = {} as Record<User, string>;
const users = {} as Record<User, string>;
const ids = {} as Record<"labA" | "labB" | "corpusA" | "corpusB" | "recA" | "recB" | "cohortA" | "cohortB" | "model", string>;

const dependencies = () => ({ database, queue, modelsDir: dataDir });
const url = "http://127.0.0.1:3000/api/test";
const as = (user: User | null, method = "GET") =>
  new Request(url, { method, headers: { ...(user ? { cookie: cookies[user] } : {}), [CLIENT_ADDRESS_HEADER]: "10.7.7.7" } });
const bearer = (secret: string) => new Request(url, { headers: { authorization: `Bearer ${secret}`, [CLIENT_ADDRESS_HEADER]: "10.8.8.8" } });

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

const code = async (response: Response) => ({ status: response.status, code: ((await response.clone().json()) as { code?: string }).code });

beforeAll(async () => {
  process.env.ACCOUNTS = "on";
  database = await createTestDatabase();
  queue = createJobQueue(database, { heartbeatTimeoutSeconds: 60 });
  dataDir = mkdtempSync(path.join(tmpdir(), "resonance-derived-access-"));
  const { prisma } = database;
  const hash = await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 });
  for (const username of ["ada", "rey", "ann", "vic", "bea", "sam"] as const) {
    users[username] = (await createAccount(prisma, { username, displayName: username, passwordHash: hash, isAdmin: username === "sam" })).id;
  }
  const labA = await createWorkspace(prisma, "Lab A");
  const labB = await createWorkspace(prisma, "Lab B");
  const roles: [User, string, WorkspaceRole][] = [
    ["ada", labA.id, "admin"],
    ["rey", labA.id, "reviewer"],
    ["ann", labA.id, "annotator"],
    ["vic", labA.id, "viewer"],
    ["bea", labB.id, "admin"],
  ];
  for (const [user, workspaceId, role] of roles) await setWorkspaceRole(prisma, workspaceId, users[user], role);
  for (const user of Object.keys(users) as User[]) {
    const response = await serveLogin(database, new Request(url, { method: "POST", headers: { [CLIENT_ADDRESS_HEADER]: "10.7.7.7" } }), { username: user, password: PASSWORD });
    expect(response.status).toBe(200);
    cookies[user] = response.headers.get("set-cookie")!.split(";")[0]!;
  }
  const corpusA = await prisma.corpus.create({ data: { name: "Clinic A", workspaceId: labA.id } });
  const corpusB = await prisma.corpus.create({ data: { name: "Clinic B", workspaceId: labB.id } });
  const recording = (corpusId: string, name: string, patientId: string) => ({
    corpusId,
    patientId,
    contentHash: `content-${name}`,
    analysisHash: `audio-${name}`,
    originalName: `${name}.wav`,
    format: "wav",
    durationSeconds: 30,
    sampleRate: 16000,
    channels: 1,
    sizeBytes: 960_044n,
  });
  const patientA = await prisma.patient.create({ data: { corpusId: corpusA.id, code: "A01" } });
  const patientB = await prisma.patient.create({ data: { corpusId: corpusB.id, code: "B01" } });
  const recA = await prisma.recording.create({ data: recording(corpusA.id, "a", patientA.id) });
  const recB = await prisma.recording.create({ data: recording(corpusB.id, "b", patientB.id) });
  const cohortA = await prisma.cohort.create({ data: { corpusId: corpusA.id, name: "Group A", memberships: { create: [{ patientId: patientA.id }] } } });
  const cohortB = await prisma.cohort.create({ data: { corpusId: corpusB.id, name: "Group B", memberships: { create: [{ patientId: patientB.id }] } } });
  const model = await ensureModelRecord(prisma, {
    modelKey: "embedder",
    version: "1",
    fileHash: "f".repeat(64),
    name: "Embedder",
    labelNames: [...CANONICAL_LABELS],
    manifestHash: "e".repeat(64),
    manifest: {},
  });
  for (const audioHash of ["audio-a", "audio-b"]) {
    await saveAnalysis(prisma, {
      audioHash,
      modelId: model,
      utteranceScores: { labels: [...CANONICAL_LABELS], scores: CANONICAL_LABELS.map(() => 1 / 9), top: "neutral", confidence: 0.2 },
      frameRate: 50,
      frameCount: 10,
      frameScoresHash: "0".repeat(64),
      embedding: new Float32Array([1, 2, 3, 4]),
      executionProvider: "cpu",
      windowSettings: {},
      timings: {},
    });
  }
  Object.assign(ids, { labA: labA.id, labB: labB.id, corpusA: corpusA.id, corpusB: corpusB.id, recA: recA.id, recB: recB.id, cohortA: cohortA.id, cohortB: cohortB.id, model });
});

afterAll(async () => {
  if (previousAccounts === undefined) delete process.env.ACCOUNTS;
  else process.env.ACCOUNTS = previousAccounts;
  await database?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function auditOf(action: Parameters<typeof listAuditEvents>[1]["action"], targetId?: string) {
  return (await listAuditEvents(database.prisma, { ...(action ? { action } : {}), limit: 100 })).filter((event) => !targetId || event.targetId === targetId);
}

describe(`projections, exports, tokens, notebooks and jobs with accounts on ${testDatabaseMode()}`, () => {
  const projections = {} as Record<"a" | "b" | "both", string>;
  const exports = {} as Record<"a" | "b", string>;

  it("asks for a login on every route", async () => {
    const responses = [
      await serveProjectionList(database, as(null)),
      await serveProjection(database, as(null), randomUUID()),
      await serveWorkbenchExports(database, as(null)),
      await serveNotebookList(database, as(null)),
      await serveNotebookQuery(database, as(null), { sql: "SELECT 1" }),
      await serveJobList({ database, queue }, as(null)),
      await serveApiTokenList(database, as(null)),
      await serveProblems(database, as(null)),
    ];
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 401));
  });

  it("makes projections only of what the maker may analyse, and answers another workspace's set like a missing one", async () => {
    const request = (corpusIds: string[]) => ({ modelId: ids.model, selection: { corpusIds } });
    projections.a = (await json<{ projection: { id: string } }>(await serveCreateProjection(dependencies(), as("ada", "POST"), request([ids.corpusA])), 202)).projection.id;
    projections.b = (await json<{ projection: { id: string } }>(await serveCreateProjection(dependencies(), as("bea", "POST"), request([ids.corpusB])), 202)).projection.id;
    projections.both = (await json<{ projection: { id: string } }>(await serveCreateProjection(dependencies(), as("sam", "POST"), request([ids.corpusA, ids.corpusB])), 202))
      .projection.id;
    expect(await code(await serveCreateProjection(dependencies(), as("ann", "POST"), request([ids.corpusA])))).toEqual({ status: 403, code: "FORBIDDEN" });
    const otherLab = await code(await serveCreateProjection(dependencies(), as("ada", "POST"), request([ids.corpusA, ids.corpusB])));
    expect(otherLab).toEqual({ status: 404, code: "PROJECTION_SELECTION_NOT_FOUND" });
    expect(await code(await serveCreateProjection(dependencies(), as("ada", "POST"), request([randomUUID()])))).toEqual(otherLab);
    await json(await serveCreateProjection(dependencies(), as("rey", "POST"), { modelId: ids.model, selection: { cohortIds: [ids.cohortA] } }), 202);
  });

  it("lists and opens projections only where every workspace of their set is readable", async () => {
    const listed = async (user: User) =>
      (await json<{ projections: { id: string }[] }>(await serveProjectionList(database, as(user)), 200)).projections.map((projection) => projection.id);
    expect(await listed("ada")).toContain(projections.a);
    expect(await listed("ada")).not.toContain(projections.b);
    expect(await listed("ada")).not.toContain(projections.both);
    expect(await listed("bea")).toEqual([projections.b]);
    expect(await listed("sam")).toEqual(expect.arrayContaining([projections.a, projections.b, projections.both]));
    await json(await serveProjection(database, as("vic"), projections.a), 200);
    await json(await serveProjectionPoints(database, as("vic"), projections.a), 200);
    await json(await serveClusterings(database, as("vic"), projections.a), 200);
    const missing = await code(await serveProjection(database, as("ada"), randomUUID()));
    expect(missing).toEqual({ status: 404, code: "PROJECTION_NOT_FOUND" });
    for (const response of [
      await serveProjection(database, as("ada"), projections.b),
      await serveProjection(database, as("ada"), projections.both),
      await serveProjectionPoints(database, as("ada"), projections.b),
      await serveClusterings(database, as("ada"), projections.b),
      await servePlaceNewPoints(dependencies(), as("ada", "POST"), projections.b),
      await serveDeleteProjection(database, as("ada", "DELETE"), projections.b),
    ]) {
      expect(await code(response)).toEqual(missing);
    }
  });

  it("lets a viewer look at a projection but not change it", async () => {
    for (const response of [
      await serveDeleteProjection(database, as("vic", "DELETE"), projections.a),
      await servePlaceNewPoints(dependencies(), as("vic", "POST"), projections.a),
      await serveAnalyseMissing(dependencies(), as("vic", "POST"), projections.a),
      await serveCreateClustering(dependencies(), as("vic", "POST"), projections.a, { algorithm: "kmeans", k: 2 }),
    ]) {
      expect(await code(response)).toEqual({ status: 403, code: "FORBIDDEN" });
    }
  });

  it("counts only the asker's embeddings among projectable models", async () => {
    const counts = async (user: User) =>
      (await json<{ models: { recordingEmbeddings: number }[] }>(await serveProjectableModels(database, as(user)), 200)).models.map((model) => model.recordingEmbeddings);
    expect(await counts("ada")).toEqual([1]);
    expect(await counts("sam")).toEqual([2]);
  });

  it("deletes a projection for an analyst and audits it in its workspace", async () => {
    expect((await serveDeleteProjection(database, as("ada", "DELETE"), projections.a)).status).toBe(204);
    const [event] = await auditOf("projection.delete", projections.a);
    expect(event).toMatchObject({ actorId: users.ada, actorName: "ada", workspaceId: ids.labA, targetType: "projection", address: "10.7.7.7" });
  });

  it("starts exports only with the export permission in every workspace of the selection, and audits them", async () => {
    const definition = (selection: object) => ({ name: "Training set", selection, level: "recording", labelPolicy: { kind: "human" }, formats: ["jsonl"] });
    expect(await code(await serveStartExport({ database, queue }, as("rey", "POST"), definition({ corpusIds: [ids.corpusA] })))).toEqual({ status: 403, code: "FORBIDDEN" });
    const missing = await code(await serveStartExport({ database, queue }, as("ada", "POST"), definition({ corpusIds: [randomUUID()] })));
    expect(missing).toEqual({ status: 404, code: "EXPORT_SELECTION_NOT_FOUND" });
    expect(await code(await serveStartExport({ database, queue }, as("ada", "POST"), definition({ corpusIds: [ids.corpusB] })))).toEqual(missing);
    const points = definition({ projection: { projectionId: randomUUID(), pointKeys: [`${ids.recA}|`, `${ids.recB}|`] } });
    expect(await code(await serveStartExport({ database, queue }, as("ada", "POST"), points))).toEqual(missing);
    exports.a = (await json<{ exportId: string }>(await serveStartExport({ database, queue }, as("ada", "POST"), definition({ corpusIds: [ids.corpusA] })), 202)).exportId;
    exports.b = (await json<{ exportId: string }>(await serveStartExport({ database, queue }, as("bea", "POST"), definition({ cohortIds: [ids.cohortB] })), 202)).exportId;
    const [event] = await auditOf("export.create", exports.a);
    expect(event).toMatchObject({ actorId: users.ada, workspaceId: ids.labA, details: { exportId: exports.a, workspaceIds: [ids.labA], formats: ["jsonl"] } });
    const listed = async (user: User) => (await json<{ exports: { id: string }[] }>(await serveWorkbenchExports(database, as(user)), 200)).exports.map((row) => row.id);
    expect(await listed("vic")).toEqual([exports.a]);
    expect(await listed("bea")).toEqual([exports.b]);
    expect(await listed("sam")).toEqual([exports.b, exports.a]);
  });

  it("lets only token managers manage tokens, each their own, and never beyond what the owner may do", async () => {
    expect(await code(await serveApiTokenList(database, as("ann")))).toEqual({ status: 403, code: "FORBIDDEN" });
    expect(await code(await serveApiTokenCreate(database, as("vic", "POST"), { name: "mine" }))).toEqual({ status: 403, code: "FORBIDDEN" });
    const created = await json<{ token: { id: string; username: string } }>(await serveApiTokenCreate(database, as("ada", "POST"), { name: "trainer" }), 201);
    expect(created.token.username).toBe("ada");
    expect(await code(await serveApiTokenCreate(database, as("ada", "POST"), { name: "for bea", username: "bea" }))).toEqual({ status: 403, code: "FORBIDDEN" });
    expect(await code(await serveApiTokenCreate(database, as("sam", "POST"), { name: "for rey", username: "rey" }))).toEqual({ status: 403, code: "TOKEN_SCOPE_NOT_ALLOWED" });
    const beas = await json<{ token: { id: string } }>(await serveApiTokenCreate(database, as("bea", "POST"), { name: "bea's" }), 201);
    const listed = async (user: User) => (await json<{ tokens: { id: string }[] }>(await serveApiTokenList(database, as(user)), 200)).tokens.map((token) => token.id);
    expect(await listed("ada")).toEqual([created.token.id]);
    expect(await listed("sam")).toEqual(expect.arrayContaining([created.token.id, beas.token.id]));
    const notFound = await code(await serveApiTokenRevoke(database, as("ada", "DELETE"), randomUUID()));
    expect(notFound).toEqual({ status: 404, code: "TOKEN_NOT_FOUND" });
    expect(await code(await serveApiTokenRevoke(database, as("ada", "DELETE"), beas.token.id))).toEqual(notFound);
    await json(await serveApiTokenRevoke(database, as("bea", "DELETE"), beas.token.id), 200);
    await json(await serveApiTokenRevoke(database, as("bea", "DELETE"), beas.token.id), 200);
    expect(await auditOf("token.create", created.token.id)).toEqual([expect.objectContaining({ actorId: users.ada, details: { tokenId: created.token.id, owner: "ada", scopes: ["exports:read"] } })]);
    expect(await auditOf("token.revoke", beas.token.id)).toHaveLength(1);
  });

  it("pulls only exports the token's user may export, audits downloads, and throttles token.use", async () => {
    const files = [{ path: "manifest.json", bytes: 2, sha256: "a".repeat(64) }];
    await database.prisma.export.updateMany({
      where: { id: { in: [exports.a, exports.b] } },
      data: { status: "succeeded", counts: {}, files, manifestHash: "m".repeat(64), finishedAt: new Date() },
    });
    mkdirSync(exportFolder(dataDir, exports.a), { recursive: true });
    const archive = randomBytes(4096);
    writeFileSync(exportArchivePath(dataDir, exports.a), archive);
    const context = { database, dataDir };
    const { secret } = await json<{ secret: string }>(await serveApiTokenCreate(database, as("ada", "POST"), { name: "puller" }), 201);
    const listed = await json<{ exports: { id: string }[] }>(await serveExportList(context, bearer(secret)), 200);
    expect(listed.exports.map((row) => row.id)).toEqual([exports.a]);
    const missing = await code(await serveExportDetail(context, bearer(secret), randomUUID()));
    expect(missing).toEqual({ status: 404, code: "EXPORT_NOT_FOUND" });
    expect(await code(await serveExportDetail(context, bearer(secret), exports.b))).toEqual(missing);
    expect(await code(await serveExportArchive(context, bearer(secret), exports.b))).toEqual(missing);
    const download = await serveExportArchive(context, bearer(secret), exports.a);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(archive)).toBe(true);
    const [event] = await auditOf("export.download", exports.a);
    expect(event).toMatchObject({ actorId: users.ada, actorName: "ada", address: "10.8.8.8", details: { exportId: exports.a, partial: false } });
    const tokenId = event!.details.tokenId as string;
    expect(await auditOf("token.use", tokenId)).toHaveLength(1);

    // A token acts with its user's roles of today: demoted to reviewer, ada may still read the export but not pull it.
    await setWorkspaceRole(database.prisma, ids.labA, users.ada, "reviewer");
    try {
      expect(await code(await serveExportDetail(context, bearer(secret), exports.a))).toEqual({ status: 403, code: "FORBIDDEN" });
      expect((await json<{ exports: unknown[] }>(await serveExportList(context, bearer(secret)), 200)).exports).toEqual([]);
    } finally {
      await setWorkspaceRole(database.prisma, ids.labA, users.ada, "admin");
    }
  });

  it("keeps a notebook to its owner, and needs the analyse permission to write one", async () => {
    expect(await code(await serveNotebookCreate(database, as("vic", "POST"), { title: "Mine" }))).toEqual({ status: 403, code: "FORBIDDEN" });
    const created = await json<{ notebook: { id: string } }>(await serveNotebookCreate(database, as("rey", "POST"), { title: "Rey's" }), 201);
    const id = created.notebook.id;
    expect((await database.prisma.notebook.findUnique({ where: { id }, select: { ownerId: true } }))?.ownerId).toBe(users.rey);
    const missing = await code(await serveNotebookRead(database, as("ada"), randomUUID()));
    expect(missing).toEqual({ status: 404, code: "NOTEBOOK_NOT_FOUND" });
    expect(await code(await serveNotebookRead(database, as("ada"), id))).toEqual(missing);
    expect(await code(await serveNotebookPatch(database, as("ada", "PATCH"), id, { title: "Taken" }))).toEqual(missing);
    expect(await code(await serveNotebookDuplicate(database, as("ada", "POST"), id))).toEqual(missing);
    await json(await serveNotebookRead(database, as("sam"), id), 200);
    const listed = async (user: User) => (await json<{ notebooks: { id: string }[] }>(await serveNotebookList(database, as(user)), 200)).notebooks.map((row) => row.id);
    expect(await listed("rey")).toEqual([id]);
    expect(await listed("ada")).toEqual([]);
    expect(await listed("sam")).toContain(id);
    const copy = await json<{ notebook: { id: string } }>(await serveNotebookDuplicate(database, as("rey", "POST"), id), 201);
    expect((await database.prisma.notebook.findUnique({ where: { id: copy.notebook.id }, select: { ownerId: true } }))?.ownerId).toBe(users.rey);
    await json(await serveNotebookPatch(database, as("rey", "DELETE"), copy.notebook.id, { deleted: true }), 200);
    expect(await auditOf("notebook.delete", copy.notebook.id)).toEqual([expect.objectContaining({ actorId: users.rey, targetType: "notebook" })]);
  });

  it("runs SQL over the workspaces where the runner may analyse, and view cells only over what the runner may read", async () => {
    const id = (await json<{ notebook: { id: string } }>(await serveNotebookCreate(database, as("rey", "POST"), { title: "Views" }), 201)).notebook.id;
    const cell = { sql: randomUUID(), own: randomUUID(), other: randomUUID(), cohorts: randomUUID() };
    const view = (cellId: string, spec: object) => ({ id: cellId, kind: "view", source: "", settings: { view: spec } });
    const cells = [
      { id: cell.sql, kind: "sql", source: "SELECT count(*) FROM recordings", settings: {} },
      view(cell.own, { kind: "recording", recordingId: ids.recA, startSeconds: 0, endSeconds: 10 }),
      view(cell.other, { kind: "recording", recordingId: ids.recB, startSeconds: 0, endSeconds: 10 }),
      view(cell.cohorts, { kind: "comparison", cohortIds: [ids.cohortA, ids.cohortB] }),
    ];
    await json(await serveNotebookCellsSave(database, as("rey", "PUT"), id, { cells }), 200);
    // Lab A's reviewer counts Lab A's one recording, not Lab B's; a viewer may analyse nowhere.
    const sqlRun = await json<{ cell: { output: { rows?: unknown[][] } } }>(await serveNotebookCellRun(database, as("rey", "POST"), id, cell.sql), 200);
    expect(sqlRun.cell.output.rows).toEqual([[1]]);
    expect(await code(await serveNotebookQuery(database, as("vic", "POST"), { sql: "SELECT 1" }))).toEqual({ status: 403, code: "FORBIDDEN" });
    expect((await serveNotebookQuery(database, as("sam", "POST"), { sql: "SELECT 1" })).status).not.toBe(403);
    type Run = { cell: { output: { kind: string; message?: string } } };
    const own = await json<Run>(await serveNotebookCellRun(database, as("rey", "POST"), id, cell.own), 200);
    expect(own.cell.output.kind).toBe("view");
    const other = await json<Run>(await serveNotebookCellRun(database, as("rey", "POST"), id, cell.other), 200);
    expect(other.cell.output).toMatchObject({ kind: "error", message: `Recording ${ids.recB} no longer exists.` });
    const cohorts = await json<Run>(await serveNotebookCellRun(database, as("rey", "POST"), id, cell.cohorts), 200);
    expect(cohorts.cell.output).toMatchObject({ kind: "error", message: `Cohort ${ids.cohortB} no longer exists.` });
    const asAdmin = await json<Run>(await serveNotebookCellRun(database, as("sam", "POST"), id, cell.other), 200);
    expect(asAdmin.cell.output.kind).toBe("view");
  });

  it("shows jobs and their problems to their creator (and site administrators) only", async () => {
    const jobIds = async (user: User) => (await json<{ jobs: { id: string }[] }>(await serveJobList({ database, queue }, as(user)), 200)).jobs.map((job) => job.id);
    const created = await database.prisma.job.findMany({ select: { id: true, createdById: true } });
    const adas = created.filter((job) => job.createdById === users.ada).map((job) => job.id);
    const beas = created.filter((job) => job.createdById === users.bea).map((job) => job.id);
    expect(adas.length).toBeGreaterThanOrEqual(2);
    expect(beas.length).toBeGreaterThanOrEqual(2);
    expect((await jobIds("ada")).sort()).toEqual([...adas].sort());
    expect(await jobIds("sam")).toEqual(expect.arrayContaining([...adas, ...beas]));
    const unknown = randomUUID();
    const missing = await serveJob({ database, queue }, as("bea"), unknown);
    expect(missing.status).toBe(404);
    const hidden = await serveJob({ database, queue }, as("bea"), adas[0]!);
    expect(hidden.status).toBe(404);
    expect(((await hidden.json()) as { error: string }).error).toBe(((await missing.json()) as { error: string }).error.replace(unknown, adas[0]!));
    expect((await serveJobCancel({ database, queue }, as("bea", "POST"), adas[0]!)).status).toBe(404);
    expect((await database.prisma.job.findUnique({ where: { id: adas[0]! } }))?.cancelRequested).toBe(false);
    await json(await serveJob({ database, queue }, as("ada"), adas[0]!), 200);

    await database.prisma.job.update({ where: { id: beas[0]! }, data: { status: "failed", error: { message: "broke", transient: false }, finishedAt: new Date() } });
    const problems = async (user: User) => (await json<{ problems: { jobId: string }[] }>(await serveProblems(database, as(user)), 200)).problems.map((problem) => problem.jobId);
    expect(await problems("ada")).toEqual([]);
    expect(await problems("bea")).toEqual([beas[0]]);
    expect(await problems("sam")).toEqual([beas[0]]);
  });
});
