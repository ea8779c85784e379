import { getServerDatabase } from "@/lib/db/server-database";
import { serveUndoRedo } from "@/lib/labels/serve-labels";
import { readJsonBody } from "../../../../request-guard";

export const dynamic = "force-dynamic";

/** Redoes the recording's oldest undone edit. Body: { expectedVersion }. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  const { id } = await context.params;
  return serveUndoRedo({ database: await getServerDatabase(), request, recordingId: id, body: read.body, direction: "redo" });
}
