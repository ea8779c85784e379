import { getServerDatabase } from "@/lib/db/server-database";
import { serveNotebookCreate, serveNotebookList } from "@/lib/notebooks/serve-notebooks";
import { readJsonBody } from "../request-guard";

export const dynamic = "force-dynamic";

/** Notebooks, newest change first, those in the trash with their deletedAt. */
export async function GET(request: Request): Promise<Response> {
  return serveNotebookList(await getServerDatabase(), request);
}

/** Creates a notebook. Body: { title, cells? } (an imported .ipynb arrives as cells); 201 with the notebook. */
export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  return serveNotebookCreate(await getServerDatabase(), request, read.body);
}
