import { getServerDatabase } from "@/lib/db/server-database";
import { serveProjectionPoints } from "@/lib/projection/serve-projections";

export const dynamic = "force-dynamic";

/** The points as columns: coordinates, keys, names, patient, session, cohorts, labels and metadata. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return serveProjectionPoints(await getServerDatabase(), request, (await context.params).id);
}
