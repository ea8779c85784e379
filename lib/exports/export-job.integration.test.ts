import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAudioProcessor, type AudioProcessor } from "../corpus/audio-processor";
import { ensureStoreFolders, openAudioStore, type AudioStore } from "../corpus/audio-store";
import { importHarness, sineChannel, waitForJob, writeWav } from "../corpus/testing/import-fixtures";
import { ensureModelRecord, saveAnalysis } from "../db/analysis.repository";
import { createExportRecord, attachExportJob, finishExport } from "../db/export.repository";
import { applyBulkLabel } from "../db/label.repository";
import { createTestDatabase, PROJECT_ROOT, testDatabaseMode, type TestDatabase } from "../db/testing/test-database";
import { ensureLocalResearcher } from "../db/user.repository";
import { CANONICAL_LABELS } from "../domain/emotion-labels";
import { exportDefinitionSchema, EXPORT_FORMATS, type ExportDefinitionInput } from "../domain/export/export-definition";
import { writeFrameScores } from "../inference/frame-scores-file";
import { createJobQueue } from "../jobs/job-queue";
import { startJobWorker } from "../jobs/job-worker";
import { serveLabelImport } from "../labels/import-annotation-file";
import { createExportJobHandler, ExportCancelledError, runExport } from "./export-job";
import { EXPORT_JOB_KIND } from "./export-job-kind";
import { exportArchivePath, exportFolder } from "./export-paths";

/**
 * Exports end to end on the real database and store: eight imported
 * recordings of four patients in two cohorts, human labels on six, a model
 * result on all; every format; byte-identical reruns; patient-disjoint
 * splits; real readers (numpy, zipfile, Praat); cancel and failure leave
 * nothing behind; the job marks the snapshot and never rewrites it.
 */

let database: TestDatabase;
let dataDir: string;
let root: string;
let store: AudioStore;
let processor: AudioProcessor;
let modelId: string;
const recordings: { id: string; analysisHash: string; name: string }[] = [];
const DIMS = 8;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), "resonance-export-data-"));
  root = mkdtempSync(path.join(tmpdir(), "resonance-export-audio-"));
  store = openAudioStore(dataDir);
  await ensureStoreFolders(store);
  processor = createAudioProcessor({ dataDir, projectRoot: PROJECT_ROOT });
  for (let index = 0; index < 8; index++) writeWav(path.join(root, `session-${index}.wav`), [sineChannel(200 + 40 * index, 2 + (index % 3) * 0.5, 16_000)], 16_000);
  const { report } = await importHarness({ database, store, processor, dataDir, roots: [root] }).run({ corpusName: "Export clinic", source: { kind: "path", path: root } });
  expect(report.counts.imported).toBe(8);

  const rows = await database.prisma.recording.findMany({ orderBy: { originalName: "asc" }, select: { id: true, analysisHash: true, originalName: true, corpusId: true } });
  const corpusId = rows[0]!.corpusId;
  const cohorts = await Promise.all(["depression", "control"].map((name) => database.prisma.cohort.create({ data: { corpusId, name }, select: { id: true } })));
  for (let p = 0; p < 4; p++) {
    const patient = await database.prisma.patient.create({ data: { corpusId, code: `P${p + 1}` }, select: { id: true } });
    await database.prisma.cohortMembership.create({ data: { cohortId: cohorts[p < 2 ? 0 : 1]!.id, patientId: patient.id } });
    await database.prisma.recording.updateMany({ where: { id: { in: [rows[2 * p]!.id, rows[2 * p + 1]!.id] } }, data: { patientId: patient.id } });
  }
  for (const row of rows) recordings.push({ id: row.id, analysisHash: row.analysisHash!, name: row.originalName });

  modelId = await ensureModelRecord(database.prisma, {
    modelKey: "export-test-model",
    version: "2",
    fileHash: "a".repeat(64),
    name: "Export test model",
    labelNames: [...CANONICAL_LABELS],
    manifestHash: "b".repeat(64),
    manifest: {},
  });
  for (const [index, recording] of recordings.entries()) {
    const top = index % 2 ? 3 : 6; // happy or sad
    const frames = new Float32Array(100 * 9).map((_, i) => (i % 9 === top ? 0.7 : 0.03));
    const scores = CANONICAL_LABELS.map((_, label) => (label === top ? 0.7 : 0.3 / 8));
    await saveAnalysis(database.prisma, {
      audioHash: recording.analysisHash,
      modelId,
      utteranceScores: { labels: [...CANONICAL_LABELS], scores, top: CANONICAL_LABELS[top]!, confidence: 0.7 },
      frameRate: 50,
      frameCount: 100,
      frameScoresHash: await writeFrameScores(store, frames),
      embedding: Float32Array.from({ length: DIMS }, (_, d) => index + d / 10),
      executionProvider: "cpu",
      windowSettings: { frameOffsetSeconds: 0.01 },
      timings: {},
    });
  }
  const author = await ensureLocalResearcher(database.prisma);
  await applyBulkLabel(database.prisma, { targets: recordings.slice(0, 3).map((r) => ({ recordingId: r.id, regionId: null })), emotion: "sad", authorId: author.id });
  await applyBulkLabel(database.prisma, { targets: recordings.slice(3, 6).map((r) => ({ recordingId: r.id, regionId: null })), emotion: "happy", authorId: author.id });
}, 120_000);

afterAll(async () => {
  await processor?.close();
  await database?.destroy();
  for (const folder of [dataDir, root]) if (folder) rmSync(folder, { recursive: true, force: true });
});

function definition(overrides: Partial<ExportDefinitionInput> = {}) {
  return exportDefinitionSchema.parse({
    name: "Emotion clips",
    selection: { recordingIds: recordings.map((recording) => recording.id) },
    level: "recording",
    labelPolicy: { kind: "human-over-model", minConfidence: 0 },
    modelId,
    splits: { train: 0.5, validation: 0.25, test: 0.25, seed: 3, stratify: true },
    formats: [...EXPORT_FORMATS],
    includeModelScores: true,
    ...overrides,
  });
}

function filesUnder(folder: string, prefix = ""): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe(`exports on ${testDatabaseMode()}`, () => {
  const out = () => path.join(dataDir, "cli-out");

  it("writes every format, a manifest whose hashes match the files, and patient-disjoint splits", async () => {
    const folder = path.join(out(), "first");
    const archive = path.join(out(), "first.zip");
    const outcome = await runExport({ database, store, dataDir }, definition(), { folder, archivePath: archive });
    expect(outcome.items).toBe(8);
    const manifest = JSON.parse(readFileSync(path.join(folder, "manifest.json"), "utf8")) as { files: { path: string; bytes: number; sha256: string }[]; counts: { labelSources: { human: number; model: number } } };
    expect(manifest.counts.labelSources).toEqual({ human: 6, model: 2 });
    for (const file of manifest.files) {
      expect(statSync(path.join(folder, file.path)).size).toBe(file.bytes);
      expect(sha256(path.join(folder, file.path))).toBe(file.sha256);
    }
    expect(outcome.manifestHash).toBe(sha256(path.join(folder, "manifest.json")));
    const names = filesUnder(folder);
    for (const expected of ["README.md", "manifest.jsonl", "items.csv", "items.tsv", "chat.jsonl", "embeddings/embeddings.npy", "embeddings/index.csv", "label-studio/tasks.json", "split-report.csv", "fairseq/train.tsv", "fairseq/train.emo"]) {
      expect(names).toContain(expected);
    }
    expect(names.filter((name) => name.endsWith(".TextGrid"))).toHaveLength(8);
    expect(names.filter((name) => name.startsWith("curves/"))).toHaveLength(8);

    const lines = readFileSync(path.join(folder, "manifest.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as { patient: string; split: string; audio: string; label: string; label_source: string });
    expect(lines).toHaveLength(8);
    const splitsOfPatient = new Map<string, Set<string>>();
    for (const line of lines) splitsOfPatient.set(line.patient, (splitsOfPatient.get(line.patient) ?? new Set()).add(line.split));
    expect([...splitsOfPatient.values()].every((splits) => splits.size === 1)).toBe(true);
    expect(new Set(lines.map((line) => line.split)).size).toBeGreaterThan(1);
    for (const line of lines) expect(existsSync(path.join(folder, line.audio))).toBe(true);
    // A whole recording's clip is the stored 16 kHz audio: 44-byte header plus 2 bytes a sample.
    const first = lines.find((line) => line.label_source === "human")!;
    expect(readFileSync(path.join(folder, first.audio)).subarray(0, 4).toString("ascii")).toBe("RIFF");
  }, 120_000);

  it("gives byte-identical files and archive when the same definition runs again on unchanged data", async () => {
    const again = path.join(out(), "again");
    await runExport({ database, store, dataDir }, definition(), { folder: again, archivePath: path.join(out(), "again.zip") });
    const first = path.join(out(), "first");
    expect(filesUnder(again)).toEqual(filesUnder(first));
    for (const name of filesUnder(first)) expect(readFileSync(path.join(again, name)).equals(readFileSync(path.join(first, name))), name).toBe(true);
    expect(readFileSync(path.join(out(), "again.zip")).equals(readFileSync(path.join(out(), "first.zip")))).toBe(true);
  }, 120_000);

  it.skipIf(!existsSync("/usr/bin/python3"))("is read by numpy and Python's zipfile", () => {
    const folder = path.join(out(), "first");
    const shape = execFileSync("/usr/bin/python3", ["-c", "import sys, numpy\na = numpy.load(sys.argv[1])\nprint(a.shape, a.dtype, round(float(a[1][2]), 3))", path.join(folder, "embeddings/embeddings.npy")]).toString().trim();
    expect(shape).toBe("(8, 8) float32 1.2");
    const zipped = execFileSync("/usr/bin/python3", ["-c", "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(len(z.namelist()))", path.join(out(), "first.zip")]).toString().trim();
    expect(Number(zipped)).toBe(filesUnder(folder).length);
  });

  it.skipIf(!existsSync("/usr/bin/praat"))("writes TextGrids Praat opens", () => {
    const folder = path.join(out(), "first");
    const grid = filesUnder(folder).find((name) => name.endsWith(".TextGrid"))!;
    const script = path.join(PROJECT_ROOT, "lib/domain/export/annotations/testing/textgrid-summary.praat");
    const info = execFileSync("/usr/bin/praat", ["--run", script, path.join(folder, grid), path.join(dataDir, "long.TextGrid"), path.join(dataDir, "short.TextGrid")]).toString();
    expect(info).toMatch(/^tiers 2$/m);
    // Praat saves the file again as it read it: the same text.
    expect(readFileSync(path.join(dataDir, "long.TextGrid"), "utf8")).toBe(readFileSync(path.join(folder, grid), "utf8"));
  });

  it("exports labelled regions as clips of their span", async () => {
    const target = recordings[0]!;
    const region = await database.prisma.region.create({ data: { recordingId: target.id, startSeconds: 0.5, endSeconds: 1.25 }, select: { id: true } });
    const author = await ensureLocalResearcher(database.prisma);
    await applyBulkLabel(database.prisma, { targets: [{ recordingId: target.id, regionId: region.id }], emotion: "angry", authorId: author.id });
    const folder = path.join(out(), "regions");
    const outcome = await runExport({ database, store, dataDir }, definition({ level: "region", labelPolicy: { kind: "human" }, formats: ["jsonl", "audiofolder"] }), { folder, archivePath: null });
    expect(outcome.items).toBe(1);
    const line = JSON.parse(readFileSync(path.join(folder, "manifest.jsonl"), "utf8")) as { audio: string; offset: number; duration: number; label: string };
    expect(line).toMatchObject({ offset: 0.5, duration: 0.75, label: "angry" });
    expect(statSync(path.join(folder, line.audio)).size).toBe(44 + 0.75 * 16_000 * 2);
  }, 60_000);

  it("removes everything it wrote when cancelled or when a recording's audio is missing", async () => {
    const controller = new AbortController();
    controller.abort();
    const cancelled = path.join(out(), "cancelled");
    await expect(runExport({ database, store, dataDir }, definition(), { folder: cancelled, archivePath: `${cancelled}.zip`, signal: controller.signal })).rejects.toBeInstanceOf(ExportCancelledError);
    const broken = path.join(out(), "broken");
    const audio = store.analysisPath(recordings[7]!.analysisHash);
    const saved = readFileSync(audio);
    unlinkSync(audio);
    try {
      await expect(runExport({ database, store, dataDir }, definition(), { folder: broken, archivePath: `${broken}.zip` })).rejects.toThrow();
    } finally {
      writeFileSync(audio, saved);
    }
    expect(readdirSync(out()).filter((name) => name.startsWith("cancelled") || name.startsWith("broken"))).toEqual([]);
  }, 60_000);

  it("runs as a job that marks the snapshot succeeded and never finishes it twice", async () => {
    const queue = createJobQueue(database, { heartbeatTimeoutSeconds: 60 });
    const exportId = await createExportRecord(database.prisma, "Emotion clips", definition() as never, null);
    const job = await queue.enqueue(EXPORT_JOB_KIND, { exportId });
    await attachExportJob(database.prisma, exportId, job.id);
    const worker = startJobWorker({ queue, workerId: "export-test", pollIntervalMs: 50, handlers: { [EXPORT_JOB_KIND]: createExportJobHandler({ database, store, dataDir }) } });
    try {
      expect((await waitForJob(queue, job.id, ["succeeded", "failed", "cancelled"], 120_000)).status).toBe("succeeded");
    } finally {
      await worker.stop();
    }
    const row = await database.prisma.export.findUniqueOrThrow({ where: { id: exportId } });
    expect(row.status).toBe("succeeded");
    expect(row.manifestHash).toBe(sha256(path.join(exportFolder(dataDir, exportId), "manifest.json")));
    // The archive holds the snapshot's files (the data changed since the first export: a region was labelled).
    expect(statSync(exportArchivePath(dataDir, exportId)).size).toBeGreaterThan(statSync(path.join(exportFolder(dataDir, exportId), "manifest.json")).size);
    expect((row.files as { path: string }[]).map((file) => file.path)).toContain("manifest.json");
    await expect(finishExport(database.prisma, exportId, { counts: {}, files: [], manifestHash: "x" })).rejects.toThrow(/already finished/);
  }, 120_000);
  it("imports labels back from our TextGrid, EAF and Label Studio files, and reports labels it does not know", async () => {
    const folder = path.join(out(), "first");
    const target = recordings[7]!;
    const regionsBefore = await database.prisma.region.count({ where: { recordingId: target.id, deletedAt: null } });
    const source = recordings[0]!;
    const stem = source.id.replaceAll("-", "");
    const grid = readFileSync(path.join(folder, `annotations/${stem}.TextGrid`), "utf8");
    const imported = await serveLabelImport(database, { fileName: "from-praat.TextGrid", content: grid, recordingId: target.id });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ format: "textgrid", recordings: 1, regions: 1, unknownLabels: [] });
    const region = await database.prisma.region.findFirstOrThrow({ where: { recordingId: target.id, deletedAt: null }, include: { labels: { where: { supersededById: null } } } });
    expect(region.labels[0]?.emotion).toBe("sad");
    expect(await database.prisma.region.count({ where: { recordingId: target.id, deletedAt: null } })).toBe(regionsBefore + 1);

    // Named after the recording, the EAF finds it by itself.
    const eafText = readFileSync(path.join(folder, `annotations/${stem}.eaf`), "utf8");
    expect((await serveLabelImport(database, { fileName: `${stem}.eaf`, content: eafText })).status).toBe(200);

    const tasks = readFileSync(path.join(folder, "label-studio/tasks.json"), "utf8");
    const fromLabelStudio = (await (await serveLabelImport(database, { fileName: "tasks.json", content: tasks })).json()) as { recordings: number; regions: number; unmatchedTasks: string[] };
    expect(fromLabelStudio).toMatchObject({ recordings: 6, regions: 6, unmatchedTasks: [] });

    const strange = grid.replace('text = "sad"', 'text = "melancholic"');
    const refused = await serveLabelImport(database, { fileName: "odd.TextGrid", content: strange, recordingId: target.id });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toMatch(/melancholic/);
    const broken = await serveLabelImport(database, { fileName: "broken.TextGrid", content: 'File type = "ooTextFile"\nObject class = "TextGrid"\nxmin = oops' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: string }).error).toMatch(/broken\.TextGrid/);
  }, 60_000);

});

describe(`the datasheet's annotator agreement on ${testDatabaseMode()}`, () => {
  it("states agreement among the annotators of the exported recordings, numbered, not named", async () => {
    const [ana, ben] = await Promise.all(
      ["agreement-ana", "agreement-ben"].map((username) => database.prisma.user.create({ data: { username, displayName: username }, select: { id: true } })),
    );
    // 4 shared recordings, 3 the same: po = 3/4; ana: sad 2, happy 2; ben: sad 3, happy 1; pe = 0.5; kappa = 0.5.
    const labels: [string, string][] = [["sad", "sad"], ["sad", "sad"], ["happy", "happy"], ["happy", "sad"]];
    for (const [index, [a, b]] of labels.entries()) {
      await database.prisma.annotation.createMany({
        data: [
          { recordingId: recordings[index]!.id, annotatorId: ana!.id, emotion: a },
          { recordingId: recordings[index]!.id, annotatorId: ben!.id, emotion: b },
        ],
      });
    }
    const folder = path.join(dataDir, "cli-out", "agreement");
    await runExport({ database, store, dataDir }, definition(), { folder, archivePath: path.join(dataDir, "cli-out", "agreement.zip") });
    const readme = readFileSync(path.join(folder, "README.md"), "utf8");
    expect(readme).toContain("- Agreement between 2 annotators on 4 items annotated by two or more: Krippendorff's alpha (nominal)");
    expect(readme).toContain("  - A1 and A2: 4 shared items, 75 % identical, Cohen's kappa 0.5");
    expect(readme).not.toContain("agreement-ana");
  }, 120_000);
});
