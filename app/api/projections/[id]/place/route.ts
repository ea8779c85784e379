import { servePlaceNewPoints } from "@/lib/projection/serve-projections";
import { readJsonBody } from "../../../request-guard";
import { projectionApiDependencies } from "../../projection-api-dependencies";

export const dynamic = "force-dynamic";

/** Queues placing the set's new members into the finished projection without moving its points. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  return servePlaceNewPoints(await projectionApiDependencies(), request, (await context.params).id);
}
