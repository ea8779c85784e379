import { getServerDatabase } from "@/lib/db/server-database";
import { serveNotebookCellsSave } from "@/lib/notebooks/serve-notebooks";
import { readJsonBody } from "../../../request-guard";

export const dynamic = "force-dynamic";

/** Body: { cells }: the whole cell list in order; saved in one transaction, outputs kept. */
export async function PUT(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  return serveNotebookCellsSave(await getServerDatabase(), request, (await context.params).id, read.body);
}
