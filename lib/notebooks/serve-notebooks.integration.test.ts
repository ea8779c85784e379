import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpiredNotebooks, setNotebookDeleted } from "../db/notebook.repository";
import { createTestDatabase, type TestDatabase, testDatabaseMode } from "../db/testing/test-database";
import { CANONICAL_LABELS } from "../domain/emotion-labels";
import type { NotebookTableOutput } from "../domain/notebook/notebook-cell";
import {
  type CellRunJson,
  type NotebookJson,
  type NotebookListJson,
  serveNotebookCellRun,
  serveNotebookCellsSave,
  serveNotebookClear,
  serveNotebookCreate,
  serveNotebookDuplicate,
  serveNotebookList,
  serveNotebookPatch,
  serveNotebookRead,
} from "./serve-notebooks";

/**
 * Notebook documents through their route handlers on a real database: cells
 * saved as a list, SQL and view cells run with provenance, staleness when
 * the data or the cell changes, duplicate, rename, trash and restore.
 */

// Single-user mode: the local researcher may do everything, so a bare request will do.
const LOCAL = new Request("http://127.0.0.1/api/notebooks");
let database: TestDatabase;
const ids = {} as Record<"corpus" | "r1" | "r2" | "cohortA" | "cohortB" | "projection" | "model", string>;

const PER_COHORT = `SELECT m.cohort_name, l.emotion, count(*)::int AS n
FROM labels l JOIN recordings r USING (recording_id) JOIN cohort_members m ON m.patient_id = r.patient_id
WHERE l.is_current GROUP BY 1, 2 ORDER BY 1, 2`;

beforeAll(async () => {
  database = await createTestDatabase();
  const { prisma } = database;
  const corpus = await prisma.corpus.create({ data: { name: "Interviews" } });
  const p1 = await prisma.patient.create({ data: { corpusId: corpus.id, code: "P01" } });
  const p2 = await prisma.patient.create({ data: { corpusId: corpus.id, code: "P02" } });
  const recording = (name: string, patientId: string) => ({
    corpusId: corpus.id,
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
  const r1 = await prisma.recording.create({ data: recording("a", p1.id) });
  const r2 = await prisma.recording.create({ data: recording("b", p2.id) });
  await prisma.label.createMany({
    data: [
      { recordingId: r1.id, source: "human", emotion: "sad" },
      { recordingId: r2.id, source: "human", emotion: "happy" },
    ],
  });
  const cohortA = await prisma.cohort.create({ data: { corpusId: corpus.id, name: "Depressed", memberships: { create: [{ patientId: p1.id }] } } });
  const cohortB = await prisma.cohort.create({ data: { corpusId: corpus.id, name: "Controls", memberships: { create: [{ patientId: p2.id }] } } });
  const model = await prisma.model.create({
    data: { modelKey: "resonance-default", version: "2", name: "default", manifestHash: "m", fileHash: "f", labelNames: [...CANONICAL_LABELS] },
  });
  const projection = await prisma.projection.create({
    data: { name: "All", level: "recording", modelId: model.id, selection: {}, parameters: {}, pointCount: 2, finishedAt: new Date(), inputHash: "h1" },
  });
  Object.assign(ids, { corpus: corpus.id, r1: r1.id, r2: r2.id, cohortA: cohortA.id, cohortB: cohortB.id, projection: projection.id, model: model.id });
});

afterAll(async () => {
  await database?.destroy();
});

async function body<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

describe(`notebooks on ${testDatabaseMode()}`, () => {
  const sqlId = randomUUID();
  const chartId = randomUUID();
  const viewId = randomUUID();
  const noteId = randomUUID();
  let notebookId: string;

  const cells = () => [
    { id: noteId, kind: "markdown", source: "# Labels per cohort\nShare $p = n/N$.", settings: {} },
    { id: sqlId, kind: "sql", source: PER_COHORT, settings: {} },
    { id: chartId, kind: "chart", source: "", settings: { sourceCellId: sqlId, spec: { type: "bar", x: "emotion", y: "n", colour: "cohort_name", aggregate: "sum" } } },
    { id: viewId, kind: "view", source: "", settings: { view: { kind: "projection", projectionId: ids.projection } } },
  ];

  it("creates a notebook, saves its cells in order and reads them back, none run yet", async () => {
    const created = await body<NotebookJson>(await serveNotebookCreate(database, LOCAL, { title: "Cohort labels" }), 201);
    notebookId = created.notebook.id;
    const saved = await body<NotebookJson>(await serveNotebookCellsSave(database, LOCAL, notebookId, { cells: cells() }));
    expect(saved.notebook.cells.map((cell) => [cell.id, cell.kind])).toEqual(cells().map((cell) => [cell.id, cell.kind]));
    expect(saved.staleness[sqlId]).toEqual({ state: "never-run", reasons: [] });
    expect(saved.staleness[noteId]?.state).toBe("fresh");
  });

  it("runs the SQL cell: its table and a provenance with counts, models and fingerprints", async () => {
    const run = await body<CellRunJson>(await serveNotebookCellRun(database, LOCAL, notebookId, sqlId));
    const output = run.cell.output as NotebookTableOutput;
    expect(output.kind).toBe("table");
    expect(output.columns.map((column) => column.name)).toEqual(["cohort_name", "emotion", "n"]);
    expect(output.rows).toEqual([
      ["Controls", "happy", 1],
      ["Depressed", "sad", 1],
    ]);
    const provenance = run.cell.provenance!;
    expect(provenance.counts).toMatchObject({ rows: 2, labels: 2, recordings: 2, cohorts: 2 });
    expect(provenance.fingerprints.map((fingerprint) => fingerprint.source).sort()).toEqual(
      ["analyses", "cohorts", "corpora", "labels", "patients", "recordings", "sessions"].sort(),
    );
    expect(provenance.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(run.staleness[sqlId]).toEqual({ state: "fresh", reasons: [] });
    expect(run.staleness[chartId]?.state).toBe("fresh");
  });

  it("runs the view cell with the projection's model in its provenance", async () => {
    const run = await body<CellRunJson>(await serveNotebookCellRun(database, LOCAL, notebookId, viewId));
    expect(run.cell.output).toMatchObject({ kind: "view", title: 'Projection "All"' });
    expect(run.cell.provenance?.models).toEqual([{ key: "resonance-default", version: "2" }]);
  });

  it("the same inputs give the same input hash on a second run", async () => {
    const before = (await body<NotebookJson>(await serveNotebookRead(database, LOCAL, notebookId))).notebook.cells.find((cell) => cell.id === sqlId)!;
    const again = await body<CellRunJson>(await serveNotebookCellRun(database, LOCAL, notebookId, sqlId));
    expect(again.cell.provenance?.inputHash).toBe(before.provenance?.inputHash);
  });

  it("a new label makes the SQL cell and its chart stale, not the projection view; re-running refreshes them", async () => {
    await database.prisma.label.create({ data: { recordingId: ids.r1, source: "human", emotion: "angry" } });
    await database.prisma.recording.update({ where: { id: ids.r1 }, data: { version: { increment: 1 } } });
    const read = await body<NotebookJson>(await serveNotebookRead(database, LOCAL, notebookId));
    expect(read.staleness[sqlId]?.state).toBe("stale");
    expect(read.staleness[sqlId]?.reasons).toContain("labels changed since the run");
    expect(read.staleness[chartId]?.state).toBe("stale");
    expect(read.staleness[viewId]?.state).toBe("fresh");
    const rerun = await body<CellRunJson>(await serveNotebookCellRun(database, LOCAL, notebookId, sqlId));
    expect(rerun.staleness[sqlId]?.state).toBe("fresh");
    expect((rerun.cell.output as NotebookTableOutput).rows.length).toBe(3);
  });

  it("a recomputed projection makes its view stale", async () => {
    await database.prisma.projection.update({ where: { id: ids.projection }, data: { inputHash: "h2", finishedAt: new Date(Date.now() + 1000) } });
    const read = await body<NotebookJson>(await serveNotebookRead(database, LOCAL, notebookId));
    expect(read.staleness[viewId]).toEqual({ state: "stale", reasons: [`projection ${ids.projection} was recomputed`] });
  });

  it("editing a cell's source makes it stale and keeps its output until it runs again", async () => {
    const edited = cells().map((cell) => (cell.id === sqlId ? { ...cell, source: `${PER_COHORT} LIMIT 1` } : cell));
    const saved = await body<NotebookJson>(await serveNotebookCellsSave(database, LOCAL, notebookId, { cells: edited }));
    expect(saved.staleness[sqlId]?.reasons).toContain("the cell changed since it ran");
    expect(saved.notebook.cells.find((cell) => cell.id === sqlId)?.output).not.toBeNull();
  });

  it("stores a refused query as an error output", async () => {
    const withWrite = cells().map((cell) => (cell.id === sqlId ? { ...cell, source: "DELETE FROM labels" } : cell));
    await body<NotebookJson>(await serveNotebookCellsSave(database, LOCAL, notebookId, { cells: withWrite }));
    const run = await body<CellRunJson>(await serveNotebookCellRun(database, LOCAL, notebookId, sqlId));
    expect(run.cell.output).toMatchObject({ kind: "error", code: "SQL_NOT_ALLOWED" });
    expect(await database.prisma.label.count()).toBe(3);
    await body<NotebookJson>(await serveNotebookCellsSave(database, LOCAL, notebookId, { cells: cells() }));
  });

  it("refuses a malformed cell list naming the field, and keeps the cells as they were", async () => {
    const broken = [...cells(), { id: randomUUID(), kind: "view", source: "", settings: { view: { kind: "comparison", cohortIds: [ids.cohortA] } } }];
    const refused = await body<{ error: string; code: string }>(await serveNotebookCellsSave(database, LOCAL, notebookId, { cells: broken }), 400);
    expect(refused.code).toBe("NOTEBOOK_INVALID");
    expect(refused.error).toContain("cells.4.settings.view.cohortIds: must list at least two cohorts");
    const read = await body<NotebookJson>(await serveNotebookRead(database, LOCAL, notebookId));
    expect(read.notebook.cells).toHaveLength(4);
  });

  it("removes, reorders and changes the kind of cells; a changed kind drops the old output", async () => {
    const [note, sql, chart, view] = cells();
    const reordered = [view!, { ...sql!, kind: "markdown", settings: {} }, note!];
    const saved = await body<NotebookJson>(await serveNotebookCellsSave(database, LOCAL, notebookId, { cells: reordered }));
    expect(saved.notebook.cells.map((cell) => cell.id)).toEqual([viewId, sqlId, noteId]);
    expect(saved.notebook.cells[1]).toMatchObject({ kind: "markdown", output: null, provenance: null });
    expect(saved.notebook.cells[0]?.output).not.toBeNull();
    await body<NotebookJson>(await serveNotebookCellsSave(database, LOCAL, notebookId, { cells: [note!, sql!, chart!, view!] }));
    await body<CellRunJson>(await serveNotebookCellRun(database, LOCAL, notebookId, sqlId));
  });

  it("duplicates with outputs, pointing the copy's chart at the copy's SQL cell", async () => {
    const copy = await body<NotebookJson>(await serveNotebookDuplicate(database, LOCAL, notebookId), 201);
    expect(copy.notebook.title).toBe("Cohort labels (copy)");
    const copySql = copy.notebook.cells.find((cell) => cell.kind === "sql")!;
    const copyChart = copy.notebook.cells.find((cell) => cell.kind === "chart")!;
    expect(copySql.id).not.toBe(sqlId);
    expect(copyChart.kind === "chart" && copyChart.settings.sourceCellId).toBe(copySql.id);
    expect(copySql.output).toEqual((await body<NotebookJson>(await serveNotebookRead(database, LOCAL, notebookId))).notebook.cells[1]?.output);
  });

  it("renames, moves to the trash, restores, and purges what stayed in the trash too long", async () => {
    const renamed = await body<NotebookJson>(await serveNotebookPatch(database, LOCAL, notebookId, { title: "Labels by cohort" }));
    expect(renamed.notebook.title).toBe("Labels by cohort");
    await body(await serveNotebookPatch(database, LOCAL, notebookId, { deleted: true }));
    await body(await serveNotebookRead(database, LOCAL, notebookId), 404);
    const listed = await body<NotebookListJson>(await serveNotebookList(database, LOCAL));
    expect(listed.notebooks.find((notebook) => notebook.id === notebookId)?.deletedAt).not.toBeNull();
    await body(await serveNotebookPatch(database, LOCAL, notebookId, { deleted: false }));
    expect((await body<NotebookJson>(await serveNotebookRead(database, LOCAL, notebookId))).notebook.cells).toHaveLength(4);

    const doomed = (await body<NotebookJson>(await serveNotebookCreate(database, LOCAL, { title: "Scratch" }), 201)).notebook.id;
    await setNotebookDeleted(database.prisma, doomed, true, new Date(Date.now() - 31 * 86_400_000));
    expect(await purgeExpiredNotebooks(database.prisma)).toBe(1);
    expect(await database.prisma.notebook.count({ where: { id: doomed } })).toBe(0);
    expect(await database.prisma.notebook.count({ where: { id: notebookId } })).toBe(1);
  });

  it("clears every output", async () => {
    const cleared = await body<NotebookJson>(await serveNotebookClear(database, LOCAL, notebookId));
    expect(cleared.notebook.cells.every((cell) => cell.output === null && cell.provenance === null)).toBe(true);
    expect(cleared.staleness[sqlId]?.state).toBe("never-run");
  });

  it("refuses to run markdown and charts, and names a missing cell", async () => {
    expect((await body<{ code: string }>(await serveNotebookCellRun(database, LOCAL, notebookId, chartId), 400)).code).toBe("CELL_NOT_RUNNABLE");
    expect((await body<{ code: string }>(await serveNotebookCellRun(database, LOCAL, notebookId, randomUUID()), 404)).code).toBe("CELL_NOT_FOUND");
  });
});
