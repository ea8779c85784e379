import { serverCorpusSettings } from "@/lib/corpus/server-corpus-settings";
import { getServerDatabase } from "@/lib/db/server-database";
import { serveLabelEdit, serveLabelState } from "@/lib/labels/serve-labels";
import { readJsonBody } from "../../../request-guard";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The recording's labelling state: regions, labels, notes, review, status, version and undo/redo titles. */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return serveLabelState(await getServerDatabase(), request, id);
}

/** Applies one edit. Body: { expectedVersion, edit }. 409 with the current state when the version is stale. */
export async function POST(request: Request, context: Context): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  const { id } = await context.params;
  return serveLabelEdit({ database: await getServerDatabase(), store: serverCorpusSettings().store, request, recordingId: id, body: read.body });
}
