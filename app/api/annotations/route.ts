import { serveAnnotationList, serveAnnotationSet } from "@/lib/annotations/serve-annotations";
import { getServerDatabase } from "@/lib/db/server-database";
import { readJsonBody } from "../request-guard";

export const dynamic = "force-dynamic";

/** ?recording=<id>: its annotations (only the caller's own in a blinded workspace, unless they review). */
export async function GET(request: Request): Promise<Response> {
  return serveAnnotationList(await getServerDatabase(), request);
}

/** Body: { recordingId, regionId, emotion }: the caller's own label, kept apart from the final label; 201. */
export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  return serveAnnotationSet(await getServerDatabase(), request, read.body);
}
