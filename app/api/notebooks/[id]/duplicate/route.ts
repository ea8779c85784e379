import { getServerDatabase } from "@/lib/db/server-database";
import { serveNotebookDuplicate } from "@/lib/notebooks/serve-notebooks";
import { refuseCrossSiteWrite } from "../../../request-guard";

export const dynamic = "force-dynamic";

/** A copy titled "<title> (copy)" with the same cells and outputs; 201. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const refused = refuseCrossSiteWrite(request);
  if (refused) return refused;
  return serveNotebookDuplicate(await getServerDatabase(), request, (await context.params).id);
}
