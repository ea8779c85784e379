// One step of the export benchmark, in a process of its own so that the
// export's peak RSS (PGlite included) is the export's alone, not the seeding's.
// Usage: node --import tsx export-bench-child.ts seed <dataDir> <recordings> <regionsPerRecording> <patients>
//        node --import tsx export-bench-child.ts export <dataDir> <corpusId> <folder> <archive path | ->
//        node --import tsx export-bench-child.ts steps <dataDir> <corpusId> <folder>
// Prints one JSON line.
import { createHash, randomUUID } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { readAnalysisAudio } from "../audio/read-analysis-audio";
import { buildWavHeader } from "../audio/wav-encode";
import { ensureStoreFolders, openAudioStore } from "../corpus/audio-store";
import { applyPendingMigrations } from "../db/apply-migrations";
import { openDatabase, type Database } from "../db/database";
import { embeddedDatasource } from "../db/datasource";
import { readExportSources } from "../db/export.repository";
import { applyEditsTogether } from "../db/label.repository";
import { projectMigrationPaths } from "../db/migrations";
import { ensureLocalResearcher } from "../db/user.repository";
import { exportDefinitionSchema } from "../domain/export/export-definition";
import { crc32 } from "../domain/crc32";
import { createSeededRandom } from "../domain/statistics/seeded-random";
import { runExport } from "./export-job";
import { EXPORT_SAMPLE_RATE } from "./write-clip";

const SEED = 8;
/** Regions are 1.2 to 1.8 s (1.5 s on average), one every 1.8 s, so they never overlap. */
const REGION_STRIDE_SECONDS = 1.8;
const REGION_MIN_SECONDS = 1.2;
const REGION_SPREAD_SECONDS = 0.6;
/** Labels a researcher would give speech; "other" and "unknown" left out. */
const EMOTIONS = ["neutral", "happy", "sad", "angry", "fearful", "surprised", "disgusted"] as const;
/** Rows per INSERT … SELECT FROM unnest: a handful of array parameters whatever the count. */
const INSERT_BATCH = 5_000;

const projectRoot = path.resolve(import.meta.dirname, "..", "..");
const [mode, dataDir, ...args] = process.argv.slice(2) as [string, string, ...string[]];

const opened = performance.now();
const database = await openDatabase(embeddedDatasource(dataDir, projectRoot), "export benchmark");
try {
  await applyPendingMigrations(database.connection, projectMigrationPaths(projectRoot));
  const openSeconds = (performance.now() - opened) / 1000;
  const figures =
    mode === "seed"
      ? await seed(database, args.map(Number) as [number, number, number])
      : mode === "steps"
        ? await timeSteps(database, args as [string, string])
        : await exportOnce(database, args as [string, string, string]);
  console.log(JSON.stringify({ ...figures, openSeconds, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
} finally {
  await database.close();
}

async function seed(db: Database, [recordingCount, regionsPerRecording, patientCount]: [number, number, number]): Promise<Record<string, unknown>> {
  const random = createSeededRandom(SEED);
  const prisma = db.prisma;
  const store = openAudioStore(dataDir);
  await ensureStoreFolders(store);
  const recordingSeconds = Math.ceil(regionsPerRecording * REGION_STRIDE_SECONDS);

  let started = performance.now();
  const hashes: string[] = [];
  let storeBytes = 0;
  for (let index = 0; index < recordingCount; index++) {
    const bytes = synthesiseWav(recordingSeconds, random);
    const hash = createHash("sha256").update(bytes).digest("hex");
    const file = store.analysisPath(hash);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
    hashes.push(hash);
    storeBytes += bytes.length;
  }
  const audioSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  const author = await ensureLocalResearcher(prisma);
  const corpus = await prisma.corpus.create({ data: { name: "Export benchmark" }, select: { id: true } });
  const patients = Array.from({ length: patientCount }, (_, index) => ({ id: randomUUID(), code: `P${String(index + 1).padStart(3, "0")}` }));
  await prisma.patient.createMany({ data: patients.map((patient) => ({ ...patient, corpusId: corpus.id })) });
  const recordingIds = hashes.map(() => randomUUID());
  await prisma.$executeRaw`
    INSERT INTO "Recording" (id, "corpusId", "patientId", "contentHash", "analysisHash", "originalName", format, "durationSeconds",
      "sampleRate", channels, "sizeBytes", "qualityFlags", "updatedAt")
    SELECT t.id, ${corpus.id}::uuid, t.patient, t.hash, t.hash, t.name, 'wav/pcm_s16le', ${recordingSeconds}::float8,
      ${EXPORT_SAMPLE_RATE}, 1, ${44 + recordingSeconds * EXPORT_SAMPLE_RATE * 2}, '{}'::text[], now()
    FROM unnest(
      ${recordingIds}::uuid[],
      ${recordingIds.map((_, index) => patients[index % patientCount]!.id)}::uuid[],
      ${hashes}::text[],
      ${recordingIds.map((_, index) => `session-${String(index + 1).padStart(3, "0")}.wav`)}::text[]
    ) AS t(id, patient, hash, name)`;

  const regions = recordingIds.flatMap((recordingId) =>
    Array.from({ length: regionsPerRecording }, (_, index) => {
      const startSeconds = Math.round((index * REGION_STRIDE_SECONDS + 0.1 * random()) * 1000) / 1000;
      const durationSeconds = REGION_MIN_SECONDS + REGION_SPREAD_SECONDS * random();
      const endSeconds = Math.min(startSeconds + Math.round(durationSeconds * 1000) / 1000, (index + 1) * REGION_STRIDE_SECONDS);
      return { id: randomUUID(), recordingId, startSeconds, endSeconds, emotion: EMOTIONS[Math.floor(random() * EMOTIONS.length)]! };
    }),
  );
  for (let from = 0; from < regions.length; from += INSERT_BATCH) {
    const batch = regions.slice(from, from + INSERT_BATCH);
    await prisma.$executeRaw`
      INSERT INTO "Region" (id, "recordingId", "startSeconds", "endSeconds")
      SELECT * FROM unnest(${batch.map((r) => r.id)}::uuid[], ${batch.map((r) => r.recordingId)}::uuid[],
        ${batch.map((r) => r.startSeconds)}::float8[], ${batch.map((r) => r.endSeconds)}::float8[])`;
  }
  const rowsSeconds = (performance.now() - started) / 1000;

  // The first recording's labels go through the label repository (history, versions, status), timed;
  // the rest are written as the Label rows it would leave, since 10,000 edits that way take long.
  const first = regions.slice(0, regionsPerRecording);
  started = performance.now();
  await applyEditsTogether(prisma, {
    edits: first.map((region) => ({ recordingId: region.recordingId, edit: { kind: "label.set", regionId: region.id, emotion: region.emotion } })),
    authorId: author.id,
  });
  const repositorySeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const rest = regions.slice(regionsPerRecording);
  for (let from = 0; from < rest.length; from += INSERT_BATCH) {
    const batch = rest.slice(from, from + INSERT_BATCH);
    await prisma.$executeRaw`
      INSERT INTO "Label" (id, "recordingId", "regionId", emotion, source, "authorId")
      SELECT t.id, t.recording, t.region, t.emotion, 'human'::"LabelSource", ${author.id}::uuid
      FROM unnest(${batch.map(() => randomUUID())}::uuid[], ${batch.map((r) => r.recordingId)}::uuid[],
        ${batch.map((r) => r.id)}::uuid[], ${batch.map((r) => r.emotion)}::text[]) AS t(id, recording, region, emotion)`;
  }
  const rawSeconds = (performance.now() - started) / 1000;

  return {
    corpusId: corpus.id,
    recordings: recordingCount,
    recordingSeconds,
    regions: regions.length,
    meanRegionSeconds: regions.reduce((sum, region) => sum + region.endSeconds - region.startSeconds, 0) / regions.length,
    patients: patientCount,
    storeBytes,
    audioSeconds,
    rowsSeconds,
    labels: {
      viaApplyEditsTogether: { labels: first.length, seconds: repositorySeconds, labelsPerSecond: first.length / repositorySeconds },
      viaRawInsert: { labels: rest.length, seconds: rawSeconds, labelsPerSecond: rest.length / rawSeconds },
    },
  };
}

/**
 * A tone under a slow syllable-like envelope plus noise, as 16-bit mono PCM,
 * so clips are not all zeros. The tone turns a phasor (no sine per sample):
 * minutes of audio per recording would otherwise dominate the seeding.
 */
function synthesiseWav(seconds: number, random: () => number): Uint8Array {
  const frames = seconds * EXPORT_SAMPLE_RATE;
  const header = buildWavHeader("pcm16", EXPORT_SAMPLE_RATE, 1, frames);
  const bytes = new Uint8Array(header.length + frames * 2);
  bytes.set(header);
  const pcm = new Int16Array(bytes.buffer, header.length, frames);
  const step = (2 * Math.PI * (120 + 120 * random())) / EXPORT_SAMPLE_RATE;
  const [cosStep, sinStep] = [Math.cos(step), Math.sin(step)];
  let [re, im] = [1, 0];
  let noise = Math.floor(random() * 2 ** 32) >>> 0;
  const block = EXPORT_SAMPLE_RATE / 100;
  for (let start = 0; start < frames; start += block) {
    const envelope = 6000 * (0.6 + 0.4 * Math.sin((2 * Math.PI * start) / (EXPORT_SAMPLE_RATE * 0.3)));
    for (let index = start; index < Math.min(frames, start + block); index++) {
      [re, im] = [re * cosStep - im * sinStep, re * sinStep + im * cosStep];
      noise = (Math.imul(noise, 1_664_525) + 1_013_904_223) >>> 0;
      pcm[index] = Math.round(envelope * im + 1500 * (noise / 2 ** 32 - 0.5));
    }
    // Renormalise the phasor once a block so rounding cannot make it grow or fade.
    const length = Math.hypot(re, im);
    [re, im] = [re / length, im / length];
  }
  return bytes;
}

async function exportOnce(db: Database, [corpusId, folder, archive]: [string, string, string]): Promise<Record<string, unknown>> {
  const definition = exportDefinitionSchema.parse({
    name: "Export benchmark",
    selection: { corpusIds: [corpusId] },
    level: "region",
    labelPolicy: { kind: "human" },
    formats: ["jsonl", "audiofolder"],
  });
  const rssBeforeBytes = process.memoryUsage().rss;
  // Phase ends from the job's own progress reports: the last "Reading labels" closes pass 1,
  // the last item closes pass 2, "Writing the archive" opens the archive.
  const marks: { labelsRead?: number; itemsWritten?: number; archiveStarted?: number } = {};
  const started = performance.now();
  const outcome = await runExport({ database: db, store: openAudioStore(dataDir), dataDir }, definition, {
    folder,
    archivePath: archive === "-" ? null : archive,
    onProgress: (progress) => {
      const now = performance.now();
      if (progress.message?.startsWith("Reading labels")) marks.labelsRead = now;
      else if (progress.message === "Writing the archive") marks.archiveStarted = now;
      else if (progress.done === progress.total) marks.itemsWritten = now;
    },
  });
  const ended = performance.now();
  const seconds = (at: number | undefined, from: number) => (at === undefined ? null : (at - from) / 1000);
  return {
    items: outcome.items,
    seconds: (ended - started) / 1000,
    bytes: outcome.bytes,
    files: outcome.files.length,
    rssBeforeExportBytes: rssBeforeBytes,
    phases: {
      readLabelsSeconds: seconds(marks.labelsRead, started),
      writeItemsSeconds: seconds(marks.itemsWritten, marks.labelsRead ?? started),
      manifestsSeconds: seconds(marks.archiveStarted ?? ended, marks.itemsWritten ?? started),
      archiveSeconds: marks.archiveStarted === undefined ? null : seconds(ended, marks.archiveStarted),
    },
  };
}

/**
 * The export's per-clip steps timed one at a time on the same regions, each
 * awaited in turn as the export does: where its time goes. The synchronous
 * read is there for comparison only, to show what the awaited file calls cost.
 */
async function timeSteps(db: Database, [corpusId, folder]: [string, string]): Promise<Record<string, unknown>> {
  const store = openAudioStore(dataDir);
  await mkdir(folder, { recursive: true });
  const spent = { databaseSeconds: 0, readClipsSeconds: 0, hashSeconds: 0, writeFilesSeconds: 0, readClipsSynchronouslySeconds: 0 };
  const time = async <T>(step: keyof typeof spent, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    spent[step] += (performance.now() - started) / 1000;
    return result;
  };
  const sources = readExportSources(db.prisma, { corpusIds: [corpusId], filter: "all", lowConfidence: 0.5 }, null);
  let clips = 0;
  for (;;) {
    const next = await time("databaseSeconds", () => sources.next());
    if (next.done) break;
    for (const recording of next.value) {
      const file = store.analysisPath(recording.analysisHash!);
      for (const region of recording.regions) {
        const audio = await time("readClipsSeconds", () => readAnalysisAudio(file, { startSeconds: region.startSeconds, endSeconds: region.endSeconds }));
        if (audio.kind !== "pcm16") throw new Error(`${file} is not 16-bit PCM`);
        const bytes = new Uint8Array(audio.pcm.buffer, audio.pcm.byteOffset, audio.pcm.byteLength);
        await time("hashSeconds", () => [createHash("sha256").update(bytes).digest("hex"), crc32(bytes)]);
        await time("writeFilesSeconds", () => writeFile(path.join(folder, `${clips}.wav`), bytes, { flag: "wx" }));
        await time("readClipsSynchronouslySeconds", () => {
          const descriptor = openSync(file, "r");
          try {
            readSync(descriptor, new Uint8Array(bytes.length), 0, bytes.length, 44 + Math.floor(region.startSeconds * EXPORT_SAMPLE_RATE) * 2);
          } finally {
            closeSync(descriptor);
          }
        });
        clips += 1;
      }
    }
  }
  return { clips, ...spent };
}
