import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, rename, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";

/**
 * Content-addressed audio under DATA_DIR/audio:
 *
 *   originals/ab/<sha256 of the file>          the researcher's bytes, unchanged
 *   analysis/ab/<analysis hash>.wav            16 kHz mono PCM, what models read
 *   peaks/ab/<analysis hash>.peaks             waveform min/max pyramid for the editor
 *   frame-scores/ab/<sha256>.f32               a model's frame scores (float32 frames × 9)
 *   tmp/                                       files being written
 *
 * Files are written under tmp/, flushed, then renamed into place, so a path
 * outside tmp/ always holds complete content. A database row is written only
 * after its files are in place; files no row refers to (a crash between the
 * two) are removed by `sweepOrphans` at the next start.
 */
export interface AudioStore {
  readonly root: string;
  originalPath(contentHash: string): string;
  analysisPath(analysisHash: string): string;
  peaksPath(analysisHash: string): string;
  /** A model's frame scores for one analysis, by the SHA-256 of their bytes. */
  frameScoresPath(frameScoresHash: string): string;
  /** A fresh path under tmp/ for a file being written. */
  temporaryPath(suffix: string): string;
  /** Flushes a finished temporary file and moves it to its address; an existing copy (same content) wins. */
  commit(temporaryPath: string, finalPath: string): Promise<void>;
  exists(finalPath: string): Promise<boolean>;
}

export function openAudioStore(dataDir: string): AudioStore {
  const root = path.join(dataDir, "audio");
  const address = (kind: string, hash: string, extension: string) => {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`Not a SHA-256 hex digest: ${hash}`);
    return path.join(root, kind, hash.slice(0, 2), `${hash}${extension}`);
  };
  return {
    root,
    originalPath: (hash) => address("originals", hash, ""),
    analysisPath: (hash) => address("analysis", hash, ".wav"),
    peaksPath: (hash) => address("peaks", hash, ".peaks"),
    frameScoresPath: (hash) => address("frame-scores", hash, ".f32"),
    temporaryPath: (suffix) => path.join(root, "tmp", `${Date.now()}-${randomBytes(6).toString("hex")}${suffix}`),
    commit: async (temporaryPath, finalPath) => {
      await flushFile(temporaryPath);
      await mkdir(path.dirname(finalPath), { recursive: true });
      if (await pathExists(finalPath)) {
        await rm(temporaryPath, { force: true });
        // The same content stored before may be an orphan about to be swept (only
        // files older than the grace are): made recent, it outlives the sweep
        // until the row that now refers to it is committed.
        const now = new Date();
        await utimes(finalPath, now, now).catch(() => undefined);
        return;
      }
      await rename(temporaryPath, finalPath);
    },
    exists: pathExists,
  };
}

export async function ensureStoreFolders(store: AudioStore): Promise<void> {
  await mkdir(path.join(store.root, "tmp"), { recursive: true });
}

export interface ReferencedAudio {
  contentHashes: ReadonlySet<string>;
  analysisHashes: ReadonlySet<string>;
  frameScoreHashes: ReadonlySet<string>;
}

/**
 * Removes stored files that no database row refers to, and leftovers in tmp/.
 * Only files last modified before `olderThan` are touched, so an import that
 * another worker (PostgreSQL mode) is running right now keeps its files.
 */
export async function sweepOrphans(
  store: AudioStore,
  referenced: ReferencedAudio,
  olderThan: Date,
): Promise<{ removedFiles: number }> {
  let removedFiles = 0;
  const removeIfStale = async (filePath: string) => {
    const info = await stat(filePath).catch(() => null);
    if (info && info.mtime < olderThan) {
      await rm(filePath, { force: true, recursive: true });
      removedFiles++;
    }
  };
  for (const [kind, hashes] of [
    ["originals", referenced.contentHashes],
    ["analysis", referenced.analysisHashes],
    ["peaks", referenced.analysisHashes],
    ["frame-scores", referenced.frameScoreHashes],
  ] as const) {
    for (const filePath of await listTwoLevels(path.join(/*turbopackIgnore: true*/ store.root, kind))) {
      const hash = path.basename(filePath).split(".")[0] ?? "";
      if (!hashes.has(hash)) await removeIfStale(filePath);
    }
  }
  for (const name of await readdir(path.join(store.root, "tmp")).catch(() => [])) {
    await removeIfStale(path.join(store.root, "tmp", name));
  }
  return { removedFiles };
}

async function listTwoLevels(folder: string): Promise<string[]> {
  const files: string[] = [];
  for (const prefix of await readdir(folder).catch(() => [])) {
    for (const name of await readdir(path.join(folder, prefix)).catch(() => [])) files.push(path.join(folder, prefix, name));
  }
  return files;
}

async function flushFile(filePath: string): Promise<void> {
  const handle = await open(filePath, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function pathExists(filePath: string): Promise<boolean> {
  return stat(filePath).then(
    () => true,
    () => false,
  );
}
