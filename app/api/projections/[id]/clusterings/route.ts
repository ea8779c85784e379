import { getServerDatabase } from "@/lib/db/server-database";
import { serveClusterings, serveCreateClustering } from "@/lib/projection/serve-projections";
import { readJsonBody } from "../../../request-guard";
import { projectionApiDependencies } from "../../projection-api-dependencies";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The projection's clusterings, newest first, with labels per point and per-cluster summaries. */
export async function GET(request: Request, context: Context): Promise<Response> {
  return serveClusterings(await getServerDatabase(), request, (await context.params).id);
}

/** Queues HDBSCAN or k-means over the projection's full embeddings. */
export async function POST(request: Request, context: Context): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  return serveCreateClustering(await projectionApiDependencies(), request, (await context.params).id, read.body);
}
