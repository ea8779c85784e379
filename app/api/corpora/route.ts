import { serveCorpora } from "@/lib/corpus/serve-corpora";
import { getServerDatabase } from "@/lib/db/server-database";

export const dynamic = "force-dynamic";

/** Every corpus the asker may read, with its number of recordings (rows: a split stereo file counts twice). */
export async function GET(request: Request): Promise<Response> {
  return serveCorpora(await getServerDatabase(), request);
}
