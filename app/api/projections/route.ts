import { getServerDatabase } from "@/lib/db/server-database";
import { serveCreateProjection, serveProjectionList } from "@/lib/projection/serve-projections";
import { readJsonBody } from "../request-guard";
import { projectionApiDependencies } from "./projection-api-dependencies";

export const dynamic = "force-dynamic";

/** Every projection, newest first, with its status. */
export async function GET(request: Request): Promise<Response> {
  return serveProjectionList(await getServerDatabase(), request);
}

/** Creates a projection and queues its UMAP job. Body: { name?, level, modelId, selection, parameters }. */
export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  return serveCreateProjection(await projectionApiDependencies(), request, read.body);
}
