import { getServerDatabase } from "@/lib/db/server-database";
import { serveDeleteProjection, serveProjection } from "@/lib/projection/serve-projections";
import { refuseCrossSiteWrite } from "../../request-guard";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The projection's definition, input hash, counts, status and timings. */
export async function GET(request: Request, context: Context): Promise<Response> {
  return serveProjection(await getServerDatabase(), request, (await context.params).id);
}

export async function DELETE(request: Request, context: Context): Promise<Response> {
  const refused = refuseCrossSiteWrite(request);
  if (refused) return refused;
  return serveDeleteProjection(await getServerDatabase(), request, (await context.params).id);
}
