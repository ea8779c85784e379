import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";

/**
 * `npm run bench -- export` (issue 8): 10,000 labelled region clips exported
 * as JSONL + audiofolder on 2 cores, once as a folder only and once with the
 * zip archive the export job also writes; items per second, peak RSS, and
 * `cp` of the same bytes on the same cores as a yardstick. The corpus (100
 * stored 16 kHz recordings of 3 minutes, 100 regions of about 1.5 s each,
 * 50 patients) is seeded in one child process and each export runs in a
 * child of its own, so peak RSS is the export's alone (PGlite included);
 * a last child times the export's per-clip steps one by one.
 * Target: at least 200 items per second.
 */
const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");
const TSX = path.join(PROJECT_ROOT, "node_modules", "tsx", "dist", "esm", "index.mjs");
const CHILD = path.join(import.meta.dirname, "export-bench-child.ts");
const RECORDINGS = 100;
const REGIONS_PER_RECORDING = 100;
const PATIENTS = 50;
const CORES = 2;
const COPY_RUNS = 3;
const TARGET_ITEMS_PER_SECOND = 200;
const MB = 1024 * 1024;

type Figures = Record<string, unknown>;
interface ExportRun {
  items: number;
  seconds: number;
  bytes: number;
  files: number;
  openSeconds: number;
  rssBeforeExportBytes: number;
  maxRssBytes: number;
  phases: Record<string, number | null>;
}

export async function runExportBenchmark(): Promise<Record<string, unknown>> {
  const cpus = pinnableCpus();
  const scratch = mkdtempSync(path.join(tmpdir(), "resonance-export-bench-"));
  const dataDir = path.join(scratch, "data");
  try {
    const seeded = child(["seed", dataDir, String(RECORDINGS), String(REGIONS_PER_RECORDING), String(PATIENTS)]);
    const corpusId = String(seeded.corpusId);
    const expected = RECORDINGS * REGIONS_PER_RECORDING;

    const folder = path.join(scratch, "out", "folder-only");
    const folderOnly = child(["export", dataDir, corpusId, folder, "-"], cpus) as unknown as ExportRun;
    const folderCopy = timedCp(folder, path.join(scratch, "cp", "folder"), cpus);

    const archive = path.join(scratch, "out", "with-archive.zip");
    const withArchive = child(["export", dataDir, corpusId, path.join(scratch, "out", "with-archive"), archive], cpus) as unknown as ExportRun;
    const archiveBytes = statSync(archive).size;
    const archiveCopy = timedCp(archive, path.join(scratch, "cp", "with-archive.zip"), cpus);
    const steps = child(["steps", dataDir, corpusId, path.join(scratch, "steps")], cpus);

    for (const run of [folderOnly, withArchive]) {
      if (run.items !== expected) throw new Error(`the export benchmark exported ${run.items} items, expected ${expected}: the seeding or the export changed`);
    }
    const folderFigures = exportFigures(folderOnly, 0);
    const archiveFigures = exportFigures(withArchive, archiveBytes);
    return {
      targets: { itemsPerSecond: TARGET_ITEMS_PER_SECOND },
      meetsTarget: folderFigures.itemsPerSecond >= TARGET_ITEMS_PER_SECOND && archiveFigures.itemsPerSecond >= TARGET_ITEMS_PER_SECOND,
      cpus: os.cpus().length,
      pinnedToCpus: cpus ?? `not pinned: taskset is missing or fewer than ${CORES} CPUs are allowed`,
      data: {
        recordings: seeded.recordings,
        recordingSeconds: seeded.recordingSeconds,
        regions: seeded.regions,
        meanRegionSeconds: round(Number(seeded.meanRegionSeconds), 3),
        patients: seeded.patients,
        storeMegabytes: round(Number(seeded.storeBytes) / MB),
        seedAudioSeconds: round(Number(seeded.audioSeconds)),
        seedRowsSeconds: round(Number(seeded.rowsSeconds)),
        labels: roundAll(seeded.labels as Figures),
      },
      definition: { level: "region", labelPolicy: "human", formats: ["jsonl", "audiofolder"], splits: "0.8 / 0.1 / 0.1, patient-disjoint, stratified" },
      folderOnly: folderFigures,
      withArchive: archiveFigures,
      cp: {
        command: `cp -r${cpus ? `, pinned with taskset -c ${cpus}` : ""}`,
        folder: copyFigures(folderCopy),
        archive: copyFigures(archiveCopy),
        ratioFolderOnlyToCp: round(folderOnly.seconds / folderCopy.seconds),
        ratioWithArchiveToCp: round(withArchive.seconds / (folderCopy.seconds + archiveCopy.seconds)),
      },
      whereTimeGoes: {
        ...roundAll(Object.fromEntries(Object.entries(steps).filter(([key]) => key !== "openSeconds" && key !== "maxRssBytes"))),
        note:
          "The export's per-clip steps timed one by one on the same 10,000 regions, each awaited in turn as runExport does: " +
          "the database reads of one pass (runExport makes two), readAnalysisAudio per clip, SHA-256 + CRC-32 of the clip, writeFile of the clip; " +
          "readClipsSynchronously reads the same bytes with one openSync/readSync/closeSync per clip, for comparison with the awaited calls.",
      },
      note:
        "Warm page cache throughout: the stored recordings were written just before the exports, and cp copies files the export has just written; " +
        "neither the export nor cp calls fsync, so both measure writing into the page cache, not to the disk. " +
        "The cp ratio compares the export with cp -r of the export's own folder (the same bytes and files) and, for the archive run, plus cp of the archive; " +
        "cp runs three times, each into a new folder, and its median is used. " +
        "Export seconds are runExport alone; opening and migrating the embedded database is openDatabaseSeconds, and peak RSS covers the whole child.",
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function exportFigures(run: ExportRun, archiveBytes: number) {
  return {
    items: run.items,
    seconds: round(run.seconds),
    itemsPerSecond: round(run.items / run.seconds, 1),
    bytesWritten: run.bytes + archiveBytes,
    ...(archiveBytes > 0 ? { folderBytes: run.bytes, archiveBytes } : {}),
    files: run.files,
    megabytesPerSecond: round((run.bytes + archiveBytes) / MB / run.seconds, 1),
    peakRssMegabytes: round(run.maxRssBytes / MB, 1),
    rssBeforeExportMegabytes: round(run.rssBeforeExportBytes / MB, 1),
    openDatabaseSeconds: round(run.openSeconds),
    phases: roundAll(run.phases),
  };
}

/** One child step; pinned to `cpus` with taskset when given. Returns its last JSON line. */
function child(args: string[], cpus?: string): Figures {
  const node = [process.execPath, "--import", TSX, CHILD, ...args];
  const [command, ...rest] = cpus ? ["taskset", "-c", cpus, ...node] : node;
  const result = spawnSync(command!, rest, { cwd: PROJECT_ROOT, encoding: "utf8", maxBuffer: 1 << 24 });
  if (result.status !== 0) throw new Error(`export benchmark step "${args[0]}" failed: ${(result.stderr || result.error?.message || "").trim().split("\n").slice(-5).join(" ")}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1)!) as Figures;
}

interface CopyRun {
  bytes: number;
  files: number;
  /** The median of the runs: on a virtual machine the first writes into fresh memory can be several times slower. */
  seconds: number;
  runs: number[];
}

/** `cp -r` of `source` COPY_RUNS times, each to a new folder (kept, so every run writes fresh pages as the export does). */
function timedCp(source: string, target: string, cpus?: string): CopyRun {
  mkdirSync(path.dirname(target), { recursive: true });
  const runs: number[] = [];
  let size = { bytes: 0, files: 0 };
  for (let run = 0; run < COPY_RUNS; run++) {
    const copy = `${target}-${run}`;
    const cp = ["cp", "-r", source, copy];
    const [command, ...rest] = cpus ? ["taskset", "-c", cpus, ...cp] : cp;
    const started = performance.now();
    const result = spawnSync(command!, rest, { encoding: "utf8" });
    runs.push((performance.now() - started) / 1000);
    if (result.status !== 0) throw new Error(`cp of ${source} failed: ${result.stderr.trim()}`);
    size = sizeOf(copy);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { ...size, seconds: sorted[Math.floor(sorted.length / 2)]!, runs };
}

function copyFigures(run: CopyRun): Figures {
  return {
    bytes: run.bytes,
    files: run.files,
    seconds: round(run.seconds, 3),
    runsSeconds: run.runs.map((seconds) => round(seconds, 3)),
    megabytesPerSecond: round(run.bytes / MB / run.seconds, 1),
  };
}

function sizeOf(target: string): { bytes: number; files: number } {
  if (statSync(target).isFile()) return { bytes: statSync(target).size, files: 1 };
  const files = readdirSync(target, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return { bytes: files.reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0), files: files.length };
}

/** The first two CPUs this process may run on ("0,1"), or undefined when it cannot be pinned. */
function pinnableCpus(): string | undefined {
  const probe = spawnSync("taskset", ["-cp", String(process.pid)], { encoding: "utf8" });
  if (probe.status !== 0) return undefined;
  const list = probe.stdout.split(":").at(-1)!.trim();
  const allowed = list.split(",").flatMap((part) => {
    const [from, to] = part.split("-").map(Number) as [number, number | undefined];
    return Array.from({ length: (to ?? from) - from + 1 }, (_, offset) => from + offset);
  });
  return allowed.length >= CORES ? allowed.slice(0, CORES).join(",") : undefined;
}

function roundAll(figures: Figures): Figures {
  return Object.fromEntries(
    Object.entries(figures).map(([key, value]) => [key, typeof value === "number" ? round(value) : value && typeof value === "object" ? roundAll(value as Figures) : value]),
  );
}

function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
