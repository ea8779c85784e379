import "server-only";
import path from "node:path";
import { readServerEnvironment } from "@/lib/config/env";
import { getServerDatabase } from "@/lib/db/server-database";
import { getServerJobQueue } from "@/lib/jobs/server-job-queue";
import type { ProjectionApiDependencies } from "@/lib/projection/serve-projections";

export async function projectionApiDependencies(): Promise<ProjectionApiDependencies> {
  return {
    database: await getServerDatabase(),
    queue: await getServerJobQueue(),
    modelsDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), readServerEnvironment().MODELS_DIR),
  };
}
