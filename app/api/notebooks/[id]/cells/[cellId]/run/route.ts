import { getServerDatabase } from "@/lib/db/server-database";
import { serveNotebookCellRun } from "@/lib/notebooks/serve-notebooks";
import { refuseCrossSiteWrite } from "../../../../../request-guard";

export const dynamic = "force-dynamic";

/** Runs the saved cell and stores its output with provenance. */
export async function POST(request: Request, context: { params: Promise<{ id: string; cellId: string }> }): Promise<Response> {
  const refused = refuseCrossSiteWrite(request);
  if (refused) return refused;
  const { id, cellId } = await context.params;
  return serveNotebookCellRun(await getServerDatabase(), request, id, cellId);
}
