import { stat } from "node:fs/promises";
import type { ServerEnvironment } from "../config/env";
import { openAudioStore } from "../corpus/audio-store";
import { listRecordings } from "../db/corpus.repository";
import { type Database, openDatabase } from "../db/database";
import { DatabaseNewerThanAppError } from "../db/database-errors";
import { datasourceFromSettings, redactUrl } from "../db/datasource";
import { projectMigrationPaths, readMigrationState } from "../db/migrations";
import { type RegisteredModel, scanModels } from "../inference/model-registry";
import { DatabaseNotMigratedError, WorkerConfigurationError, WorkerStoreMissingError } from "./worker-errors";

/**
 * What `npm run worker` checks before it claims a job, so a worker that
 * cannot do the work refuses to start instead of failing other people's jobs.
 */

/**
 * Opens the shared PostgreSQL database and checks it is migrated to exactly
 * this version. Never migrates: the server does that, and a worker of another
 * version must not change the schema under it.
 */
export async function openWorkerDatabase(environment: ServerEnvironment, projectRoot: string): Promise<Database> {
  if (!environment.DATABASE_URL) {
    throw new WorkerConfigurationError(
      "npm run worker needs DATABASE_URL: workers share the server's PostgreSQL database. The embedded database " +
        "(DATA_DIR/pglite, used when DATABASE_URL is unset) can be opened by one process only, so it cannot be shared; " +
        "move the server to PostgreSQL first (see Databases in the README).",
    );
  }
  const datasource = datasourceFromSettings(environment, projectRoot);
  const database = await openDatabase(datasource, `Resonance worker (PID ${process.pid})`);
  try {
    const state = await readMigrationState(database.connection, projectMigrationPaths(projectRoot).migrationsDir);
    const where = redactUrl(environment.DATABASE_URL);
    if (state.unknown.length > 0) {
      throw new DatabaseNewerThanAppError(
        `The database at ${where} was migrated by a newer version of Resonance: it has migration(s) ${state.unknown.join(", ")} ` +
          "that this worker does not know. Upgrade this worker to the server's version (git pull && npm ci) before starting it.",
        state.unknown,
      );
    }
    const missing = [...state.failed, ...state.pending];
    if (missing.length > 0) {
      throw new DatabaseNotMigratedError(
        `The database at ${where} lacks migration(s) ${missing.join(", ")} that this worker's version has. ` +
          "Workers never migrate the shared database: upgrade and start the server first (npm start, or npm run db:migrate), " +
          "or run a worker of the server's version.",
      );
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** Recordings whose audio is looked for in the store; a handful is enough to tell a wrong mount from the right one. */
const STORE_SAMPLE = 20;

/**
 * A worker reads recordings' analysis audio from DATA_DIR/audio and writes
 * frame scores there, so DATA_DIR must be the server's store, mounted on this
 * host. An empty folder (a mount that did not happen) is refused, as is a
 * store that holds none of the recordings the database knows.
 */
export async function checkSharedStore(database: Database, dataDir: string): Promise<void> {
  const store = openAudioStore(dataDir);
  const howToFix =
    "A worker reads recordings' audio from the server's store and writes frame scores into it: mount the server's DATA_DIR " +
    "on this host (NFS or similar) and set DATA_DIR to where it is mounted.";
  if (!(await isDirectory(store.root))) {
    throw new WorkerStoreMissingError(`DATA_DIR (${dataDir}) holds no audio store: ${store.root} does not exist. ${howToFix}`);
  }
  const hashes = (await listRecordings(database.prisma, { limit: STORE_SAMPLE })).flatMap((recording) =>
    recording.analysisHash ? [recording.analysisHash] : [],
  );
  if (hashes.length === 0) return;
  const present = await Promise.all(hashes.map((hash) => store.exists(store.analysisPath(hash))));
  if (!present.includes(true)) {
    throw new WorkerStoreMissingError(
      `DATA_DIR (${dataDir}) is not the server's store: none of the ${hashes.length} recordings checked has its audio under ${store.root}. ${howToFix}`,
    );
  }
}

/** The usable models in MODELS_DIR; refuses a folder with none, which would fail every analysis. */
export async function checkModels(modelsDir: string): Promise<RegisteredModel[]> {
  const { models, invalid } = await scanModels(modelsDir);
  if (models.length === 0) {
    const broken = invalid.length > 0 ? ` (${invalid.map((entry) => `${entry.folderName}: ${entry.reason}`).join("; ")})` : "";
    throw new WorkerConfigurationError(
      `MODELS_DIR (${modelsDir}) holds no usable model${broken}. Copy the server's model folders here: ` +
        "results are stored per model file, so the worker needs the same files.",
    );
  }
  return models;
}

async function isDirectory(folder: string): Promise<boolean> {
  return stat(folder).then(
    (info) => info.isDirectory(),
    () => false,
  );
}
