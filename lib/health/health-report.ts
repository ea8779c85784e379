import type { Database } from "../db/database";
import { describeDatasource } from "../db/datasource";
import { readMigrationState } from "../db/migrations";
import { APP_VERSION } from "../app-version";
import { type InferenceAvailability, readInferenceAvailability } from "../inference/provider-registry";

/**
 * What /api/health reports: enough for a researcher, an admin or a monitor to
 * see which database is in use and whether it is migrated. No secrets: the
 * PostgreSQL URL is reduced to host, port and database.
 */
export interface HealthReport {
  status: "ok" | "degraded";
  version: string;
  database: {
    mode: "embedded" | "postgresql";
    location: string;
    migrations: {
      applied: number;
      pending: string[];
      unknown: string[];
      failed: string[];
      latest: string | null;
    };
  };
  /** The ONNX execution provider inference runs on (empty until the worker has probed, or when it cannot run). */
  executionProviders: string[];
  /** Requested device, active provider, and why CUDA was not used when it was asked for. */
  inference: InferenceAvailability;
  uptimeSeconds: number;
}

export async function buildHealthReport(
  database: Database,
  migrationsDir: string,
  uptimeSeconds: number,
): Promise<HealthReport> {
  const state = await readMigrationState(database.connection, migrationsDir);
  const inference = readInferenceAvailability() ?? { state: "unavailable", reason: "no job worker runs in this process" };
  const healthy = state.pending.length === 0 && state.unknown.length === 0 && state.failed.length === 0;
  return {
    status: healthy ? "ok" : "degraded",
    version: APP_VERSION,
    database: {
      mode: database.connection.datasource.mode,
      location: describeDatasource(database.connection.datasource),
      migrations: {
        applied: state.applied.length,
        pending: state.pending,
        unknown: state.unknown,
        failed: state.failed,
        latest: state.applied.at(-1) ?? null,
      },
    },
    executionProviders: inference.state === "ready" ? [inference.provider.active] : [],
    inference,
    uptimeSeconds: Math.round(uptimeSeconds),
  };
}
