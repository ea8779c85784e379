import { serveAssignmentCreate, serveMyAssignments } from "@/lib/annotations/serve-annotations";
import { getServerDatabase } from "@/lib/db/server-database";
import { readJsonBody } from "../request-guard";

export const dynamic = "force-dynamic";

/** The recordings assigned to the caller. */
export async function GET(request: Request): Promise<Response> {
  return serveMyAssignments(await getServerDatabase(), request);
}

/** Body: { corpusId, annotators (usernames), overlapShare, overlapAnnotators?, seed? }: distributes the corpus; 201. */
export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  return serveAssignmentCreate(await getServerDatabase(), request, read.body);
}
