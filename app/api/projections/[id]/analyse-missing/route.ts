import { serveAnalyseMissing } from "@/lib/projection/serve-projections";
import { readJsonBody } from "../../../request-guard";
import { projectionApiDependencies } from "../../projection-api-dependencies";

export const dynamic = "force-dynamic";

/** Queues the projection's model over the members of its set that have no embedding yet. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  return serveAnalyseMissing(await projectionApiDependencies(), request, (await context.params).id);
}
