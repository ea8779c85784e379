import { getServerDatabase } from "@/lib/db/server-database";
import { serveBulkLabel } from "@/lib/labels/serve-bulk-label";
import { readJsonBody } from "../../request-guard";

export const dynamic = "force-dynamic";

/** Labels many recordings or regions in one transaction. Body: { targets: [{ recordingId, regionId | null }], emotion | null }. */
export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  return serveBulkLabel(await getServerDatabase(), request, read.body);
}
