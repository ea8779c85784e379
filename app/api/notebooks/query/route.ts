import { getServerDatabase } from "@/lib/db/server-database";
import { serveNotebookQuery } from "@/lib/notebooks/serve-notebook-query";
import { readJsonBody } from "../../request-guard";

export const dynamic = "force-dynamic";

/** Runs a notebook SQL cell over the read-only notebook views. Body: { sql, limit? }; 200 result, or 400 { error, code }. */
export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  return serveNotebookQuery(await getServerDatabase(), request, read.body);
}
