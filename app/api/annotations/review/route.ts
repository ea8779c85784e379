import { serveReview } from "@/lib/annotations/serve-annotations";
import { getServerDatabase } from "@/lib/db/server-database";
import { readJsonBody } from "../../request-guard";

export const dynamic = "force-dynamic";

/** Body: { recordingId, regionId, emotion } or { recordingId, regionId, acceptAnnotationId }: sets the final label. */
export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  return serveReview(await getServerDatabase(), request, read.body);
}
