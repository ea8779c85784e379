import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "../auth/authorize";
import { hashPassword } from "../auth/password-hash";
import { serveLogin } from "../auth/serve-auth";
import { createAccount, createWorkspace, setWorkspaceRole } from "../db/account.repository";
import type { NotebookWorkspaceScope } from "../db/notebook-query-scope.repository";
import { createTestDatabase, type TestDatabase, testDatabaseMode } from "../db/testing/test-database";
import type { WorkspaceRole } from "../domain/access/workspace-access";
import { CANONICAL_LABELS } from "../domain/emotion-labels";
import type { NotebookTableOutput } from "../domain/notebook/notebook-cell";
import { NotebookQueryError } from "./notebook-query-error";
import { NOTEBOOK_SQL_REFUSED_MESSAGE } from "./notebook-sql-access";
import { NOTEBOOK_VIEWS } from "./notebook-views";
import { runCheckedNotebookQuery, runNotebookQuery } from "./run-notebook-query";
import { serveNotebookQuery } from "./serve-notebook-query";
import { type CellRunJson, type NotebookJson, serveNotebookCellRun, serveNotebookCellsSave, serveNotebookCreate, serveNotebookRead } from "./serve-notebooks";

/**
 * Notebook SQL scoped per workspace, on a real database: two workspaces with
 * the same kinds of data, every view read with the scope of one, of the
 * other, of both and of none; attempts to widen the scope from inside the
 * query with the pre-check skipped; and the HTTP routes with accounts on,
 * where the scope is the asker's "analyse" workspaces.
 *
 * Lab A: rey reviewer, vic viewer. Lab B: bea reviewer. sam is a site
 * administrator without workspace roles.
 */

type Lab = "A" | "B";
type User = "rey" | "vic" | "bea" | "sam";

let database: TestDatabase;
const previousAccounts = process.env.ACCOUNTS;
const PASSWORD = "a long enough password for tests";
const cookies = {} as Record<User, string>;
const labs = {} as Record<Lab, string>;
const recordings = {} as Record<Lab, { own: string; shared: string }>;
/** Which lab each key a view query returns belongs to: names, codes, ids, "projection/recording" pairs. */
const owner = new Map<string, Lab | "AB">();
const url = "http://127.0.0.1:3000/api/notebooks/query";

async function seedLab(lab: Lab, annotatorId: string, modelId: string): Promise<{ corpusId: string }> {
  const { prisma } = database;
  const corpus = await prisma.corpus.create({ data: { name: `${lab} corpus`, workspaceId: labs[lab] } });
  const patient = await prisma.patient.create({ data: { corpusId: corpus.id, code: `${lab}-P1` } });
  const session = await prisma.studySession.create({ data: { patientId: patient.id, code: `${lab}-S1`, ordinal: 1 } });
  const recording = (name: string, analysisHash: string) => ({
    corpusId: corpus.id,
    patientId: patient.id,
    sessionId: session.id,
    contentHash: `content-${lab}-${name}`,
    analysisHash,
    originalName: `${lab}-${name}.wav`,
    format: "wav",
    durationSeconds: 20,
    sampleRate: 16000,
    channels: 1,
    sizeBytes: 640_044n,
  });
  const own = await prisma.recording.create({ data: recording("own", `audio-${lab}`) });
  // Both labs hold a recording of the same audio: its analysis shows once per lab, with that lab's recording.
  const shared = await prisma.recording.create({ data: recording("shared", "audio-shared") });
  const newer = await prisma.label.create({ data: { recordingId: own.id, source: "human", emotion: "happy" } });
  await prisma.label.create({ data: { recordingId: own.id, source: "human", emotion: "sad", supersededById: newer.id } });
  await prisma.labelEdit.create({ data: { recordingId: own.id, version: 1, kind: "label.set", source: "human", before: { emotion: "sad" }, after: { emotion: "happy" } } });
  await prisma.annotation.create({ data: { recordingId: own.id, annotatorId, emotion: "happy" } });
  await prisma.cohort.create({ data: { corpusId: corpus.id, name: `${lab} cohort`, memberships: { create: [{ patientId: patient.id }] } } });
  await prisma.analysis.create({
    data: { audioHash: `audio-${lab}`, modelId, utteranceScores: { labels: [...CANONICAL_LABELS], scores: CANONICAL_LABELS.map(() => 1 / 9) }, executionProvider: "cpu" },
  });
  const projection = await prisma.projection.create({
    data: { name: `${lab} projection`, level: "recording", modelId, selection: { corpusIds: [corpus.id] }, parameters: {}, pointCount: 2, finishedAt: new Date() },
  });
  await prisma.projectionPoint.createMany({
    data: [
      { projectionId: projection.id, index: 0, recordingId: own.id, x: 0, y: 0 },
      { projectionId: projection.id, index: 1, recordingId: shared.id, x: 1, y: 1 },
    ],
  });
  recordings[lab] = { own: own.id, shared: shared.id };
  for (const key of [`${lab} corpus`, `${lab}-P1`, `${lab}-S1`, `${lab} cohort`, `${lab}-own.wav`, `${lab}-shared.wav`, own.id, shared.id, `${lab} projection`]) {
    owner.set(key, lab);
  }
  owner.set(`${projection.id}/${own.id}`, lab);
  owner.set(`${projection.id}/${shared.id}`, lab);
  return { corpusId: corpus.id };
}

beforeAll(async () => {
  process.env.ACCOUNTS = "on";
  database = await createTestDatabase();
  const { prisma } = database;
  const hash = await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 });
  const users = {} as Record<User, string>;
  for (const username of ["rey", "vic", "bea", "sam"] as const) {
    users[username] = (await createAccount(prisma, { username, displayName: username, passwordHash: hash, isAdmin: username === "sam" })).id;
  }
  labs.A = (await createWorkspace(prisma, "Lab A")).id;
  labs.B = (await createWorkspace(prisma, "Lab B")).id;
  const roles: [User, Lab, WorkspaceRole][] = [
    ["rey", "A", "reviewer"],
    ["vic", "A", "viewer"],
    ["bea", "B", "reviewer"],
  ];
  for (const [user, lab, role] of roles) await setWorkspaceRole(prisma, labs[lab], users[user], role);
  for (const user of Object.keys(users) as User[]) {
    const response = await serveLogin(database, new Request(url, { method: "POST", headers: { [CLIENT_ADDRESS_HEADER]: "10.7.7.7" } }), { username: user, password: PASSWORD });
    expect(response.status).toBe(200);
    cookies[user] = response.headers.get("set-cookie")!.split(";")[0]!;
  }
  const model = await prisma.model.create({
    data: { modelKey: "emotion2vec-plus-base", version: "1", name: "emotion2vec+ base", manifestHash: "m", fileHash: "f", labelNames: [...CANONICAL_LABELS] },
  });
  await prisma.analysis.create({
    data: { audioHash: "audio-shared", modelId: model.id, utteranceScores: { labels: [...CANONICAL_LABELS], scores: CANONICAL_LABELS.map(() => 1 / 9) }, executionProvider: "cpu" },
  });
  const a = await seedLab("A", users.rey, model.id);
  const b = await seedLab("B", users.bea, model.id);
  // A projection over both labs: only a scope holding both shows it, or any of its points.
  const both = await prisma.projection.create({
    data: { name: "AB projection", level: "recording", modelId: model.id, selection: { corpusIds: [a.corpusId, b.corpusId] }, parameters: {}, pointCount: 2 },
  });
  await prisma.projectionPoint.createMany({
    data: [
      { projectionId: both.id, index: 0, recordingId: recordings.A.own, x: 0, y: 0 },
      { projectionId: both.id, index: 1, recordingId: recordings.B.own, x: 1, y: 1 },
    ],
  });
  owner.set("AB projection", "AB");
  owner.set(`${both.id}/${recordings.A.own}`, "AB");
  owner.set(`${both.id}/${recordings.B.own}`, "AB");
});

afterAll(async () => {
  if (previousAccounts === undefined) delete process.env.ACCOUNTS;
  else process.env.ACCOUNTS = previousAccounts;
  await database?.destroy();
});

/** One text key per row of each view, looked up in `owner`. */
const VIEW_KEYS: Record<string, string> = {
  corpora: "SELECT name FROM corpora",
  patients: "SELECT code FROM patients",
  sessions: "SELECT code FROM sessions",
  cohorts: "SELECT name FROM cohorts",
  cohort_members: "SELECT patient_code FROM cohort_members",
  recordings: "SELECT original_name FROM recordings",
  labels: "SELECT recording_id::text FROM labels",
  label_history: "SELECT recording_id::text FROM label_history",
  annotations: "SELECT recording_id::text FROM annotations",
  analyses: "SELECT recording_id::text FROM analyses",
  projections: "SELECT name FROM projections",
  projection_points: "SELECT projection_id || '/' || recording_id FROM projection_points",
};

async function keys(view: string, workspaces: NotebookWorkspaceScope): Promise<string[]> {
  const result = await runNotebookQuery(database, VIEW_KEYS[view]!, { workspaces });
  return result.rows.map((row) => String(row[0])).sort();
}

const owners = (found: readonly string[]) => found.map((key) => owner.get(key) ?? `unknown key ${key}`);

describe(`notebook views scoped per workspace on ${testDatabaseMode()}`, () => {
  it("has a key query for every view", () => {
    expect(Object.keys(VIEW_KEYS).sort()).toEqual(NOTEBOOK_VIEWS.map((view) => view.name.replace(/^notebook\./, "")).sort());
  });

  it.each(Object.keys(VIEW_KEYS))("%s: one workspace's rows for its scope, both for all, none for an empty scope", async (view) => {
    const inA = await keys(view, [labs.A]);
    const inB = await keys(view, [labs.B.toUpperCase()]);
    const all = await keys(view, "all");
    expect(inA.length).toBeGreaterThan(0);
    expect(new Set(owners(inA))).toEqual(new Set(["A"]));
    expect(inB.length).toBeGreaterThan(0);
    expect(new Set(owners(inB))).toEqual(new Set(["B"]));
    expect(all.filter((key) => owner.get(key) !== "AB")).toEqual([...inA, ...inB].sort());
    if (view === "projections" || view === "projection_points") expect(owners(all)).toContain("AB");
    expect(await keys(view, [labs.A, labs.B])).toEqual(all);
    expect(await keys(view, [])).toEqual([]);
    expect(await keys(view, [randomUUID()])).toEqual([]);
  });

  it("shows an analysis of audio both labs hold once per lab, with that lab's recording", async () => {
    const shared = "SELECT recording_id::text FROM analyses WHERE audio_hash = 'audio-shared'";
    expect((await runNotebookQuery(database, shared, { workspaces: [labs.A] })).rows).toEqual([[recordings.A.shared]]);
    expect((await runNotebookQuery(database, shared, { workspaces: "all" })).rows.map((row) => row[0]).sort()).toEqual([recordings.A.shared, recordings.B.shared].sort());
  });

  it("the views show nothing outside a notebook query, and no scope row is ever left behind", async () => {
    const [outside] = await database.connection.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM notebook.recordings)::int + (SELECT count(*) FROM notebook.projections)::int + (SELECT count(*) FROM notebook.corpora)::int AS n',
    );
    expect(outside?.n).toBe(0);
    const [left] = await database.connection.query<{ n: number }>('SELECT count(*)::int AS n FROM "NotebookQueryScope"');
    expect(left?.n).toBe(0);
  });

  it("refuses a scope that is not a list of workspace ids before reaching the database", async () => {
    await expect(runNotebookQuery(database, "SELECT 1", { workspaces: ["lab-a"] })).rejects.toThrow(RangeError);
  });

  it("queries of different scopes at the same time each see their own", async () => {
    const sleepy = "SELECT original_name FROM recordings CROSS JOIN (SELECT pg_sleep(0.4)) AS pause ORDER BY 1";
    const started = performance.now();
    const [a, b, again] = await Promise.all([
      runNotebookQuery(database, sleepy, { workspaces: [labs.A] }),
      runNotebookQuery(database, sleepy, { workspaces: [labs.B] }),
      runNotebookQuery(database, sleepy, { workspaces: [labs.A] }),
    ]);
    const elapsed = performance.now() - started;
    expect(a.rows).toEqual([["A-own.wav"], ["A-shared.wav"]]);
    expect(b.rows).toEqual([["B-own.wav"], ["B-shared.wav"]]);
    expect(again.rows).toEqual(a.rows);
    // PostgreSQL runs them side by side: two scopes naming the same workspace do not wait on each other.
    // (The embedded database runs one transaction at a time.)
    if (testDatabaseMode() === "postgresql") expect(elapsed).toBeLessThan(1100);
  });
});

describe(`widening the scope from inside the query, pre-check skipped, on ${testDatabaseMode()}`, () => {
  const raw = (statement: string) => runCheckedNotebookQuery(database, { kind: "query", statement }, { workspaces: [labs.A] });
  const onlyA = async () => {
    const result = await runNotebookQuery(database, "SELECT DISTINCT corpus_name FROM recordings", { workspaces: [labs.A] });
    expect(result.rows).toEqual([["A corpus"]]);
    const [left] = await database.connection.query<{ n: number }>('SELECT count(*)::int AS n FROM "NotebookQueryScope"');
    expect(left?.n).toBe(0);
  };

  it.each([
    ["turning read-write again", "SELECT set_config('transaction_read_only', 'off', true), (SELECT count(*) FROM recordings)"],
    ["switching back to the session user", "SELECT set_config('role', session_user, true), (SELECT count(*) FROM recordings)"],
    ["reading the scope table", 'SELECT * FROM public."NotebookQueryScope"'],
    ["adding a workspace to the scope", `WITH more AS (INSERT INTO public."NotebookQueryScope" ("workspaceId") VALUES ('${"0".repeat(8)}-0000-4000-8000-000000000000') RETURNING 1) SELECT count(*) FROM more`],
    ["emptying the scope", 'WITH gone AS (DELETE FROM public."NotebookQueryScope" RETURNING 1) SELECT count(*) FROM gone'],
    ["reading the tables underneath", 'SELECT "originalName" FROM public."Recording"'],
  ])("%s is refused and the scope stays", async (_what, statement) => {
    const error = await raw(statement).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error, "the attempt was not refused").toBeInstanceOf(NotebookQueryError);
    await onlyA();
  });

  it("another workspace's ids named in the query still find nothing", async () => {
    const named = await raw(`SELECT count(*)::int FROM recordings WHERE recording_id IN ('${recordings.B.own}', '${recordings.B.shared}')`);
    expect(named.rows).toEqual([[0]]);
    const joined = await raw(`SELECT count(*)::int FROM projection_points p JOIN analyses a USING (recording_id) WHERE p.recording_id = '${recordings.B.own}'`);
    expect(joined.rows).toEqual([[0]]);
  });
});

describe(`notebook SQL through the routes with accounts on, on ${testDatabaseMode()}`, () => {
  const as = (user: User, method = "POST") => new Request(url, { method, headers: { cookie: cookies[user], [CLIENT_ADDRESS_HEADER]: "10.7.7.7" } });
  const ask = async (user: User, sql: string) => {
    const response = await serveNotebookQuery(database, as(user), { sql });
    return { status: response.status, json: (await response.json()) as { rows?: unknown[][]; error?: string; code?: string } };
  };
  const NAMES = "SELECT original_name FROM recordings ORDER BY 1";

  it("POST /api/notebooks/query answers a reviewer of A with A's rows only, and B's reviewer with B's", async () => {
    expect(await ask("rey", NAMES)).toEqual({ status: 200, json: expect.objectContaining({ rows: [["A-own.wav"], ["A-shared.wav"]] }) });
    expect(await ask("bea", NAMES)).toEqual({ status: 200, json: expect.objectContaining({ rows: [["B-own.wav"], ["B-shared.wav"]] }) });
    expect((await ask("rey", "SELECT name FROM projections ORDER BY 1")).json.rows).toEqual([["A projection"]]);
  });

  it("answers a site administrator with every workspace", async () => {
    const { status, json } = await ask("sam", NAMES);
    expect(status).toBe(200);
    expect(json.rows).toEqual([["A-own.wav"], ["A-shared.wav"], ["B-own.wav"], ["B-shared.wav"]]);
  });

  it("refuses a viewer, who may analyse nowhere, with 403", async () => {
    expect(await ask("vic", NAMES)).toEqual({ status: 403, json: { error: NOTEBOOK_SQL_REFUSED_MESSAGE, code: "FORBIDDEN" } });
  });

  it("a reviewer's SQL cell shows A's rows, counts only A's data in its provenance, and goes stale only for changes in A", async () => {
    const created = await serveNotebookCreate(database, as("rey"), { title: "Lab A recordings" });
    expect(created.status).toBe(201);
    const notebookId = ((await created.json()) as NotebookJson).notebook.id;
    const cellId = randomUUID();
    const saved = await serveNotebookCellsSave(database, as("rey", "PUT"), notebookId, { cells: [{ id: cellId, kind: "sql", source: NAMES, settings: {} }] });
    expect(saved.status).toBe(200);
    const run = (await (await serveNotebookCellRun(database, as("rey"), notebookId, cellId)).json()) as CellRunJson;
    expect((run.cell.output as NotebookTableOutput).rows).toEqual([["A-own.wav"], ["A-shared.wav"]]);
    expect(run.cell.provenance?.counts).toMatchObject({ rows: 2, recordings: 2, corpora: 1, patients: 1, sessions: 1, labels: 1, analyses: 2 });
    expect(run.staleness[cellId]?.state).toBe("fresh");

    const stalenessNow = async () => ((await (await serveNotebookRead(database, as("rey", "GET"), notebookId)).json()) as NotebookJson).staleness[cellId];
    const added = (lab: Lab, corpusName: string) =>
      database.prisma.recording.create({
        data: {
          corpus: { connect: { name: corpusName } },
          contentHash: `content-${lab}-late`,
          analysisHash: `audio-${lab}-late`,
          originalName: `${lab}-late.wav`,
          format: "wav",
          durationSeconds: 5,
          sampleRate: 16000,
          channels: 1,
          sizeBytes: 160_044n,
        },
      });
    await added("B", "B corpus");
    expect((await stalenessNow())?.state).toBe("fresh");
    const late = await added("A", "A corpus");
    expect(await stalenessNow()).toMatchObject({ state: "stale", reasons: expect.arrayContaining(["recordings changed since the run"]) });
    await database.prisma.recording.delete({ where: { id: late.id } });
  });
});
