import { getServerDatabase } from "@/lib/db/server-database";
import { serveNotebookClear } from "@/lib/notebooks/serve-notebooks";
import { refuseCrossSiteWrite } from "../../../request-guard";

export const dynamic = "force-dynamic";

/** Clears every cell's output and provenance. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const refused = refuseCrossSiteWrite(request);
  if (refused) return refused;
  return serveNotebookClear(await getServerDatabase(), request, (await context.params).id);
}
