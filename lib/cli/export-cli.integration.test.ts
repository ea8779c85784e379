import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeWav } from "../audio/wav-encode";
import { openAudioStore } from "../corpus/audio-store";
import { applyPendingMigrations } from "../db/apply-migrations";
import { createRecording, ensureCorpus } from "../db/corpus.repository";
import { openDatabase } from "../db/database";
import { embeddedDatasource } from "../db/datasource";
import { applyBulkLabel } from "../db/label.repository";
import { projectMigrationPaths } from "../db/migrations";
import { PROJECT_ROOT, testDatabaseMode } from "../db/testing/test-database";
import { ensureLocalResearcher } from "../db/user.repository";

/**
 * `npm run export` as a researcher runs it: a definition file, an output
 * folder, no server (the CLI opens the data folder's embedded database
 * itself), the snapshot copied out; a non-empty folder and a bad definition
 * refused with messages that say what to fix. Embedded only: the CLI uses
 * the data folder's own database whatever the test mode.
 */

const TSX = path.join(PROJECT_ROOT, "node_modules", "tsx", "dist", "esm", "index.mjs");
let dataDir: string;
let work: string;
let corpusId: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "resonance-export-cli-"));
  work = mkdtempSync(path.join(tmpdir(), "resonance-export-cli-work-"));
  const database = await openDatabase(embeddedDatasource(dataDir, PROJECT_ROOT), "export CLI test");
  try {
    await applyPendingMigrations(database.connection, projectMigrationPaths(PROJECT_ROOT));
    corpusId = (await ensureCorpus(database.prisma, "CLI corpus")).id;
    const wav = encodeWav([Float32Array.from({ length: 16_000 }, (_, i) => 0.3 * Math.sin(i / 10))], 16_000, "pcm16");
    const hash = createHash("sha256").update(wav).digest("hex");
    const store = openAudioStore(dataDir);
    mkdirSync(path.dirname(store.analysisPath(hash)), { recursive: true });
    writeFileSync(store.analysisPath(hash), wav);
    const [recordingId] = await createRecording(database.prisma, {
      corpusId,
      contentHash: hash,
      originalName: "visit-1.wav",
      format: "wav/pcm_s16le",
      sampleRate: 16_000,
      channels: 1,
      sizeBytes: wav.length,
      tracks: [{ trackIndex: -1, analysisHash: hash, durationSeconds: 1, quality: {}, qualityFlags: [] }],
      metadata: {},
    });
    const author = await ensureLocalResearcher(database.prisma);
    await applyBulkLabel(database.prisma, { targets: [{ recordingId: recordingId!, regionId: null }], emotion: "neutral", authorId: author.id });
  } finally {
    await database.close();
  }
}, 60_000);

afterAll(() => {
  for (const folder of [dataDir, work]) if (folder) rmSync(folder, { recursive: true, force: true });
});

function runCli(args: readonly string[]) {
  return spawnSync(process.execPath, ["--import", TSX, path.join(PROJECT_ROOT, "lib/cli/export.ts"), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", DEMO: "0", INIT_CWD: work },
    encoding: "utf8",
    timeout: 120_000,
  });
}

describe.skipIf(testDatabaseMode() !== "embedded")("npm run export", () => {
  it("runs a definition file without a server and copies the snapshot to the output folder", () => {
    writeFileSync(
      path.join(work, "definition.json"),
      JSON.stringify({ name: "From the CLI", selection: { corpusIds: [corpusId] }, level: "recording", labelPolicy: { kind: "human" }, formats: ["jsonl", "items-csv"] }),
    );
    const result = runCli(["--definition", "definition.json", "--out", "snapshot"]);
    expect(result.stderr).not.toMatch(/error:/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Exported 1 items to .*snapshot \(snapshot [0-9a-f-]{36}, manifest SHA-256 [0-9a-f]{64}\)/);
    const line = JSON.parse(readFileSync(path.join(work, "snapshot", "manifest.jsonl"), "utf8")) as { label: string; audio: string };
    expect(line.label).toBe("neutral");
    expect(existsSync(path.join(work, "snapshot", line.audio))).toBe(true);
    expect(existsSync(path.join(work, "snapshot", "README.md"))).toBe(true);
  }, 120_000);

  it("refuses a non-empty output folder and a definition with a bad field, saying which", () => {
    const again = runCli(["--definition", "definition.json", "--out", "snapshot"]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/snapshot is not empty/);
    writeFileSync(path.join(work, "bad.json"), JSON.stringify({ name: "Bad", selection: { corpusIds: [corpusId] }, level: "sentence", labelPolicy: { kind: "human" }, formats: ["jsonl"] }));
    const bad = runCli(["--definition", "bad.json", "--out", "other"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/bad\.json is not a valid export definition: level: level must be recording or region/);
  }, 60_000);
});
