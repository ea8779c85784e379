import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDatabaseMode } from "../db/testing/test-database";
import { CANONICAL_LABELS } from "../domain/emotion-labels";
import { NotebookQueryError, type NotebookQueryErrorCode } from "./notebook-query-error";
import { NOTEBOOK_VIEWS, notebookViewNames } from "./notebook-views";
import { ensureNotebookReaderRole, NOTEBOOK_READER_ROLE } from "./notebook-reader-role";
import { type NotebookQueryOptions, runCheckedNotebookQuery, runNotebookQuery } from "./run-notebook-query";
import { type NotebookQueryJson, serveNotebookQuery } from "./serve-notebook-query";

/**
 * Notebook SQL against a real database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL): the views over data made here, and every refusal twice,
 * once through the pre-check and once with the pre-check skipped, so the
 * database's own guards (READ ONLY, the reader role, one statement per
 * message, the timeout) are shown to hold without it. After each refusal the
 * data is compared with a fingerprint taken before.
 */

let database: TestDatabase;
const ids = {} as Record<"corpus" | "p01" | "p02" | "session" | "r1" | "r2" | "r3" | "model" | "cohort" | "projection" | "rater", string>;
const SCORES = [0.05, 0.02, 0.03, 0.1, 0.2, 0.05, 0.5, 0.04, 0.01];
const FINGERPRINTED = ["User", "ApiToken", "Job", "Recording", "Label", "Analysis", "Corpus", "Patient"];
let fingerprint: string;

async function takeFingerprint(): Promise<string> {
  const parts = await Promise.all(
    FINGERPRINTED.map(async (table) => {
      const [row] = await database.connection.query<{ digest: string | null; n: number }>(
        `SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) AS digest, count(*)::int AS n FROM "${table}" t`,
      );
      return `${table}:${row?.n}:${row?.digest}`;
    }),
  );
  return parts.join(" ");
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { prisma } = database;
  const rater = await prisma.user.create({ data: { username: "rater-a", displayName: "Rater A", passwordHash: "scrypt$not-a-real-hash" } });
  await prisma.apiToken.create({ data: { userId: rater.id, name: "pull", tokenHash: "a".repeat(64), scopes: ["export:read"] } });
  await prisma.job.create({ data: { kind: "import", payload: { folder: "/data/interviews" } } });
  const corpus = await prisma.corpus.create({ data: { name: "Interviews 2024", metadata: { site: "Leipzig" } } });
  const p01 = await prisma.patient.create({ data: { corpusId: corpus.id, code: "P01", metadata: { group: "depressed" } } });
  const p02 = await prisma.patient.create({ data: { corpusId: corpus.id, code: "P02" } });
  const session = await prisma.studySession.create({ data: { patientId: p01.id, code: "visit-1", date: new Date("2024-03-01T00:00:00Z"), ordinal: 1 } });
  const recording = (name: string, extra: object) => ({
    corpusId: corpus.id,
    contentHash: `content-${name}`,
    analysisHash: `audio-${name}`,
    originalName: `${name}.wav`,
    format: "wav",
    durationSeconds: 12.5,
    sampleRate: 16000,
    channels: 1,
    sizeBytes: 400_044n,
    qualityFlags: ["clipping"],
    createdAt: new Date("2024-03-01T09:15:00.250Z"),
    ...extra,
  });
  const r1 = await prisma.recording.create({ data: recording("interview-01", { patientId: p01.id, sessionId: session.id, labelStatus: "labelled", humanEmotion: "happy" }) });
  const r2 = await prisma.recording.create({ data: recording("interview-02", { patientId: p02.id }) });
  const r3 = await prisma.recording.create({ data: recording("interview-03", { qualityFlags: [] }) });
  const model = await prisma.model.create({
    data: { modelKey: "emotion2vec-plus-base", version: "1", name: "emotion2vec+ base", manifestHash: "m", fileHash: "f", labelNames: [...CANONICAL_LABELS] },
  });
  await prisma.analysis.create({
    data: {
      audioHash: "audio-interview-01",
      modelId: model.id,
      utteranceScores: { labels: [...CANONICAL_LABELS], scores: SCORES, top: "sad", confidence: 0.5 },
      executionProvider: "cpu",
      embeddingDim: 768,
      embedding: new Uint8Array(16),
    },
  });
  // An older shape of utterance scores: the view must give NULL proportions, not fail.
  await prisma.analysis.create({
    data: { audioHash: "audio-interview-02", modelId: model.id, utteranceScores: { happy: 0.9 }, executionProvider: "imported" },
  });
  const newer = await prisma.label.create({ data: { recordingId: r1.id, source: "human", emotion: "happy", authorId: rater.id } });
  await prisma.label.create({ data: { recordingId: r1.id, source: "human", emotion: "sad", authorId: rater.id, supersededById: newer.id } });
  await prisma.label.create({ data: { recordingId: r2.id, source: "model", emotion: "sad", modelId: model.id, confidence: 0.5 } });
  await prisma.labelEdit.create({ data: { recordingId: r1.id, version: 1, kind: "label.set", source: "human", authorId: rater.id, before: { emotion: "sad" }, after: { emotion: "happy" } } });
  const cohort = await prisma.cohort.create({ data: { corpusId: corpus.id, name: "Depressed", memberships: { create: [{ patientId: p01.id }] } } });
  const projection = await prisma.projection.create({
    data: { name: "All interviews", level: "recording", modelId: model.id, selection: { corpusIds: [corpus.id] }, parameters: { seed: 7 }, pointCount: 2 },
  });
  await prisma.projectionPoint.createMany({
    data: [
      { projectionId: projection.id, index: 0, recordingId: r1.id, x: 1.5, y: -2 },
      { projectionId: projection.id, index: 1, recordingId: r2.id, x: 0, y: 0.25 },
    ],
  });
  Object.assign(ids, { corpus: corpus.id, p01: p01.id, p02: p02.id, session: session.id, r1: r1.id, r2: r2.id, r3: r3.id, model: model.id, cohort: cohort.id, projection: projection.id, rater: rater.id });
  fingerprint = await takeFingerprint();
});

afterAll(async () => {
  await database?.destroy();
});

type Options = Omit<NotebookQueryOptions, "workspaces">;
// Everything here lies in the default workspace; scoping is tested in notebook-workspace-scope.integration.test.ts.
const run = (sql: string, options?: Options) => runNotebookQuery(database, sql, { workspaces: "all", ...options });

async function expectRefused(attempt: Promise<unknown>, code: NotebookQueryErrorCode, message: string | RegExp): Promise<void> {
  const error = await attempt.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, "the query was not refused").toBeInstanceOf(NotebookQueryError);
  expect((error as NotebookQueryError).code, (error as Error).message).toBe(code);
  if (typeof message === "string") expect((error as Error).message).toBe(message);
  else expect((error as Error).message).toMatch(message);
  expect(await takeFingerprint()).toBe(fingerprint);
}

const outsideViews = (name: string) => `SQL cells can only read the notebook views (${notebookViewNames()}); "${name}" is not one of them.`;

describe(`notebook views on ${testDatabaseMode()}`, () => {
  it("has exactly the documented views and columns, with the documented types", async () => {
    const rows = await database.connection.query<{ view: string; name: string; type: string }>(
      `SELECT c.relname AS view, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'notebook' AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum`,
    );
    const actual = new Map<string, string[]>();
    for (const row of rows) actual.set(`notebook.${row.view}`, [...(actual.get(`notebook.${row.view}`) ?? []), `${row.name} ${row.type}`]);
    const documented = new Map(NOTEBOOK_VIEWS.map((view) => [view.name, view.columns.map((column) => `${column.name} ${column.type}`)]));
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(documented));
    const functions = await database.connection.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'notebook'",
    );
    expect(functions[0]?.n).toBe(0);
  });

  it("lets the reader role read every view and nothing it was not granted", async () => {
    await ensureNotebookReaderRole(database);
    const grants = await database.connection.query<{ table_name: string; privilege_type: string }>(
      `SELECT table_schema || '.' || table_name AS table_name, privilege_type FROM information_schema.role_table_grants
       WHERE grantee = '${NOTEBOOK_READER_ROLE}' ORDER BY 1, 2`,
    );
    expect(grants.map((grant) => `${grant.table_name} ${grant.privilege_type}`)).toEqual(
      NOTEBOOK_VIEWS.map((view) => `${view.name} SELECT`).sort(),
    );
  });

  it("reads recordings with their patient and session, as JSON-safe values with their types", async () => {
    const result = await run(
      "SELECT original_name, patient_code, session_code, session_date, duration_seconds, size_bytes, quality_flags, metadata, created_at, label_status " +
        "FROM notebook.recordings ORDER BY original_name",
    );
    expect(result.columns).toEqual([
      { name: "original_name", type: "text" },
      { name: "patient_code", type: "text" },
      { name: "session_code", type: "text" },
      { name: "session_date", type: "date" },
      { name: "duration_seconds", type: "double precision" },
      { name: "size_bytes", type: "bigint" },
      { name: "quality_flags", type: "text[]" },
      { name: "metadata", type: "jsonb" },
      { name: "created_at", type: "timestamp with time zone" },
      { name: "label_status", type: "text" },
    ]);
    expect(result.rows).toEqual([
      ["interview-01.wav", "P01", "visit-1", "2024-03-01", 12.5, 400044, "{clipping}", "{}", "2024-03-01T09:15:00.250Z", "labelled"],
      ["interview-02.wav", "P02", null, null, 12.5, 400044, "{clipping}", "{}", "2024-03-01T09:15:00.250Z", "unlabelled"],
      ["interview-03.wav", null, null, null, 12.5, 400044, "{}", "{}", "2024-03-01T09:15:00.250Z", "unlabelled"],
    ]);
    expect(result).toMatchObject({ rowCount: 3, truncated: false });
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it("gives each analysis its nine proportions and top label, and NULLs for scores of an older shape", async () => {
    const result = await run(
      `SELECT r.original_name, ${CANONICAL_LABELS.join(", ")}, top_label, top_confidence, embedding_dim, whole_recording
       FROM analyses a JOIN recordings r USING (recording_id) ORDER BY r.original_name`,
    );
    expect(result.rows).toEqual([
      ["interview-01.wav", ...SCORES, "sad", 0.5, 768, true],
      ["interview-02.wav", ...CANONICAL_LABELS.map(() => null), null, null, null, true],
    ]);
  });

  it("shows labels with their source, author and history, and which are current", async () => {
    const labels = await run("SELECT emotion, source, author_username, model_key, is_current, superseded_by_id IS NOT NULL AS superseded FROM labels ORDER BY source, is_current");
    expect(labels.rows).toEqual([
      ["sad", "human", "rater-a", null, false, true],
      ["happy", "human", "rater-a", null, true, false],
      ["sad", "model", null, "emotion2vec-plus-base", true, false],
    ]);
    const history = await run("SELECT kind, author_username, before ->> 'emotion', after ->> 'emotion', state FROM label_history");
    expect(history.rows).toEqual([["label.set", "rater-a", "sad", "happy", "done"]]);
  });

  it("covers patients, sessions, cohorts, their members and projections", async () => {
    const patients = await run("SELECT code, session_count, recording_count, metadata ->> 'group' FROM patients ORDER BY code");
    expect(patients.rows).toEqual([["P01", 1, 1, "depressed"], ["P02", 0, 1, null]]);
    const cohorts = await run("SELECT c.name, c.patient_count, m.patient_code FROM cohorts c JOIN cohort_members m USING (cohort_id)");
    expect(cohorts.rows).toEqual([["Depressed", 1, "P01"]]);
    const sessions = await run("SELECT code, date, ordinal, recording_count FROM sessions");
    expect(sessions.rows).toEqual([["visit-1", "2024-03-01", 1, 1]]);
    const points = await run("SELECT p.name, p.model_key, o.point_index, o.x, o.y FROM projections p JOIN projection_points o USING (projection_id) ORDER BY o.point_index");
    expect(points.rows).toEqual([["All interviews", "emotion2vec-plus-base", 0, 1.5, -2], ["All interviews", "emotion2vec-plus-base", 1, 0, 0.25]]);
    const corpora = await run("SELECT name, metadata ->> 'site' FROM corpora");
    expect(corpora.rows).toEqual([["Interviews 2024", "Leipzig"]]);
  });

  it("keeps duplicate column names, column order and types, and the columns of an empty result", async () => {
    const joined = await run(
      "SELECT r.recording_id, a.recording_id, 1 AS \"1\", a.sad > 0.4 AS sadish FROM recordings r JOIN analyses a ON a.audio_hash = r.analysis_hash WHERE false",
    );
    expect(joined.columns).toEqual([
      { name: "recording_id", type: "uuid" },
      { name: "recording_id", type: "uuid" },
      { name: "1", type: "integer" },
      { name: "sadish", type: "boolean" },
    ]);
    expect(joined).toMatchObject({ rows: [], rowCount: 0, truncated: false });
  });

  it("returns values of types the Prisma adapters cannot read, as text", async () => {
    const result = await run("SELECT interval '1 day 2 hours' AS gap, point(1, 2) AS p, 9007199254740993::bigint AS big, 'NaN'::float8 AS nan");
    expect(result.columns.map((column) => column.type)).toEqual(["interval", "point", "bigint", "double precision"]);
    expect(result.rows).toEqual([["1 day 02:00:00", "(1,2)", "9007199254740993", "NaN"]]);
  });

  it("fetches one row past the limit to report truncation", async () => {
    const cut = await run("SELECT g FROM generate_series(1, 25) AS g ORDER BY g DESC;  -- newest first", { limit: 10 });
    expect(cut.rows).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16].map((g) => [g]));
    expect(cut).toMatchObject({ rowCount: 10, truncated: true });
    const whole = await run("SELECT g FROM generate_series(1, 25) AS g", { limit: 25 });
    expect(whole).toMatchObject({ rowCount: 25, truncated: false });
    const byDefault = await run("SELECT g FROM generate_series(1, 10001) AS g");
    expect(byDefault).toMatchObject({ rowCount: 10_000, truncated: true });
  });

  it("explains a query without running it", async () => {
    const plan = await run("EXPLAIN (FORMAT JSON) SELECT * FROM recordings", { limit: 5 });
    expect(plan.columns).toEqual([{ name: "QUERY PLAN", type: "json" }]);
    expect(JSON.parse(plan.rows[0]![0] as string)[0].Plan["Node Type"]).toBe("Limit");
    const text = await run("EXPLAIN SELECT count(*) FROM labels");
    expect(text.columns).toEqual([{ name: "QUERY PLAN", type: "text" }]);
    expect(text.rows.length).toBeGreaterThan(0);
  });
});

describe(`refused notebook SQL on ${testDatabaseMode()}: the pre-check's message, data unchanged`, () => {
  it.each([
    ["INSERT INTO \"Job\" (id, kind) VALUES (gen_random_uuid(), 'x')", "INSERT"],
    ['UPDATE "Recording" SET note = \'changed\'', "UPDATE"],
    ['DELETE FROM "Label"', "DELETE"],
    ["CREATE TABLE notebook.mine (id int)", "CREATE"],
    ['DROP TABLE "Job"', "DROP"],
    ['COPY "User" TO STDOUT', "COPY"],
    ['SELECT 1; DELETE FROM "Job"', "DELETE"],
    ['WITH gone AS (DELETE FROM "Label" RETURNING *) SELECT count(*) FROM gone', "DELETE"],
  ])("%s", async (sql, word) => {
    await expectRefused(run(sql), "SQL_NOT_ALLOWED", `SQL cells are read-only: ${word} is not allowed.`);
  });

  it.each(["User", "ApiToken", "Job"])("SELECT * FROM \"%s\" is outside the views", async (table) => {
    await expectRefused(run(`SELECT * FROM "${table}"`), "SQL_OUTSIDE_VIEWS", outsideViews(table));
    await expectRefused(run(`SELECT * FROM public."${table}"`), "SQL_OUTSIDE_VIEWS", outsideViews(table));
  });

  it("refuses set_config and pg_read_file by name", async () => {
    await expectRefused(run("SELECT set_config('role', 'postgres', true)"), "SQL_NOT_ALLOWED", "SQL cells are read-only: set_config() is not allowed.");
    await expectRefused(run("SELECT pg_read_file('/etc/passwd')"), "SQL_NOT_ALLOWED", "SQL cells are read-only: pg_read_file() is not allowed.");
  });

  it("stops a query at the timeout and says so", async () => {
    const stopped = /^The query ran longer than 0\.2 s( and was stopped| \(it took [\d.]+ s: the embedded database cannot stop a running query, so it ran to its end and its result was dropped\))\. /;
    await expectRefused(run("SELECT pg_sleep(0.6)", { timeoutMs: 200 }), "SQL_TIMEOUT", stopped);
  });

  it("names a syntax error and an unknown column in the database's words", async () => {
    await expectRefused(run("SELECT FROM WHERE"), "SQL_SYNTAX", /^The SQL has a syntax error: syntax error at or near "WHERE"\.$/);
    await expectRefused(run("SELECT no_such_column FROM recordings"), "SQL_FAILED", 'The query failed: column "no_such_column" does not exist.');
  });
});

describe(`the database's own guards on ${testDatabaseMode()}, with the pre-check skipped`, () => {
  const raw = (statement: string, options?: Options) => runCheckedNotebookQuery(database, { kind: "query", statement }, { workspaces: "all", ...options });

  it("runs as the reader role in a read-only transaction, with the notebook search path", async () => {
    const result = await raw("SELECT current_user, current_setting('transaction_read_only'), current_setting('search_path'), current_setting('statement_timeout')");
    expect(result.rows).toEqual([[NOTEBOOK_READER_ROLE, "on", "notebook", "10s"]]);
  });

  it.each(["User", "ApiToken", "Job"])("the role may not read %s", async (table) => {
    await expectRefused(raw(`SELECT * FROM public."${table}"`), "SQL_OUTSIDE_VIEWS", outsideViews(table));
  });

  it("the role may not read the catalogue of password hashes", async () => {
    await expectRefused(raw("SELECT rolname, rolpassword FROM pg_catalog.pg_authid"), "SQL_OUTSIDE_VIEWS", outsideViews("pg_authid"));
  });

  it("set_config cannot switch the role back to the session user (set up by a superuser)", async () => {
    await expectRefused(
      raw("SELECT set_config('role', session_user, true), (SELECT count(*) FROM query_to_xml('SELECT * FROM public.\"User\"', true, false, '') AS x)"),
      "SQL_NOT_ALLOWED",
      "SQL cells are read-only: set_config() is not allowed.",
    );
  });

  it("a writable CTE is refused", async () => {
    await expectRefused(
      raw('WITH gone AS (DELETE FROM public."Job" RETURNING *) SELECT count(*) FROM gone'),
      "SQL_NOT_ALLOWED",
      "SQL cells are read-only: a WITH clause that changes data is not allowed.",
    );
  });

  it("a function that writes leaves nothing behind: refused by READ ONLY, or rolled back where READ ONLY lets it through", async () => {
    // PostgreSQL 15 lets lo_from_bytea create a large object in a read-only transaction; PGlite (18) refuses it.
    const attempt = await raw("SELECT lo_from_bytea(0, 'written by a notebook')").then(
      () => "ran",
      (error: unknown) => (error instanceof NotebookQueryError ? error.message : String(error)),
    );
    expect(["ran", "SQL cells are read-only: lo_from_bytea() is not allowed."]).toContain(attempt);
    const [largeObjects] = await database.connection.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_largeobject_metadata");
    expect(largeObjects?.n).toBe(0);
    expect(await takeFingerprint()).toBe(fingerprint);
  });

  it("row locks are refused", async () => {
    await expectRefused(
      raw("SELECT * FROM recordings FOR SHARE"),
      "SQL_NOT_ALLOWED",
      "SQL cells are read-only: locking rows of notebook.recordings (FOR UPDATE, FOR SHARE) is not allowed.",
    );
  });

  it("an unknown schema is outside the views", async () => {
    await expectRefused(raw("SELECT * FROM elsewhere.things"), "SQL_OUTSIDE_VIEWS", outsideViews("elsewhere.things"));
  });

  it("server files stay out of reach", async () => {
    await expectRefused(raw("SELECT pg_read_file('/etc/passwd')"), "SQL_NOT_ALLOWED", "SQL cells are read-only: pg_read_file() is not allowed.");
  });

  it("a second statement smuggled past the subquery is refused by the protocol", async () => {
    // Crafted to close the runner's first wrapper (the column-names query) exactly, so that the text
    // parses as three valid statements: only the one-statement rule of the extended protocol stops it.
    const smuggled =
      'SELECT 1) AS a LIMIT 0) AS q ON true) AS r; DELETE FROM public."Job"; ' +
      "SELECT k.name FROM (SELECT q.* FROM (SELECT 1) AS one LEFT JOIN (SELECT * FROM (SELECT 1";
    await expectRefused(raw(smuggled), "SQL_MULTIPLE_STATEMENTS", "A SQL cell runs one statement: put each query in its own cell.");
  });

  it("breaking out of the subquery still reads as the reader role", async () => {
    await expectRefused(raw('SELECT 1) AS x CROSS JOIN (SELECT * FROM public."User"'), "SQL_OUTSIDE_VIEWS", outsideViews("User"));
  });
});

describe(`POST /api/notebooks/query on ${testDatabaseMode()}`, () => {
  async function post(body: unknown): Promise<{ status: number; json: unknown }> {
    const response = await serveNotebookQuery(database, new Request("http://127.0.0.1/api/notebooks/query"), body);
    expect(response.headers.get("cache-control")).toBe("no-store");
    return { status: response.status, json: await response.json() };
  }

  it("answers 200 with the result table", async () => {
    const { status, json } = await post({ sql: "SELECT code FROM patients ORDER BY code", limit: 1 });
    expect(status).toBe(200);
    expect(json).toMatchObject({ columns: [{ name: "code", type: "text" }], rows: [["P01"]], rowCount: 1, truncated: true } satisfies Partial<NotebookQueryJson>);
  });

  it("answers 400 with the refusal's code", async () => {
    expect(await post({ sql: 'DELETE FROM "Job"' })).toEqual({
      status: 400,
      json: { error: "SQL cells are read-only: DELETE is not allowed.", code: "SQL_NOT_ALLOWED" },
    });
    expect(await post({ sql: 'SELECT * FROM "ApiToken"' })).toEqual({ status: 400, json: { error: outsideViews("ApiToken"), code: "SQL_OUTSIDE_VIEWS" } });
  });

  it("answers 400 for a malformed body, naming the field", async () => {
    expect(await post({ sql: "SELECT 1", limit: 0 })).toEqual({
      status: 400,
      json: { error: "Invalid notebook query. limit: must be at least 1", code: "NOTEBOOK_QUERY_INVALID" },
    });
    expect((await post("SELECT 1")).status).toBe(400);
  });
});
