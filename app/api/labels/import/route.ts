import { getServerDatabase } from "@/lib/db/server-database";
import { serveLabelImport } from "@/lib/labels/import-annotation-file";
import { readJsonBody } from "../../request-guard";

export const dynamic = "force-dynamic";

/** Imports labels from a TextGrid, an EAF or a Label Studio JSON export. Body: { fileName, content, recordingId?, tiers? }. */
export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  return serveLabelImport(await getServerDatabase(), read.body, request);
}
