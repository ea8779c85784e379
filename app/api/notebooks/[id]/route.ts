import { getServerDatabase } from "@/lib/db/server-database";
import { serveNotebookPatch, serveNotebookRead } from "@/lib/notebooks/serve-notebooks";
import { readJsonBody, refuseCrossSiteWrite } from "../../request-guard";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The notebook with its cells, outputs, provenance and each cell's staleness. */
export async function GET(request: Request, context: Context): Promise<Response> {
  return serveNotebookRead(await getServerDatabase(), request, (await context.params).id);
}

/** Body: { title?, deleted? }: renames, moves to the trash or restores. */
export async function PATCH(request: Request, context: Context): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  return serveNotebookPatch(await getServerDatabase(), request, (await context.params).id, read.body);
}

/** Moves the notebook to the trash, where it stays restorable for 30 days. */
export async function DELETE(request: Request, context: Context): Promise<Response> {
  const refused = refuseCrossSiteWrite(request);
  if (refused) return refused;
  return serveNotebookPatch(await getServerDatabase(), request, (await context.params).id, { deleted: true });
}
