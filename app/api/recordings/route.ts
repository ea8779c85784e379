import { serveRecordingList } from "@/lib/corpus/serve-recording-list";
import { getServerDatabase } from "@/lib/db/server-database";

export const dynamic = "force-dynamic";

/** Recordings, oldest first, optionally of one corpus (`corpus`); paged by `limit` and `offset`. */
export async function GET(request: Request): Promise<Response> {
  return serveRecordingList(await getServerDatabase(), request, new URL(request.url).searchParams);
}
