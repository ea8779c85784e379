import { listCorpora } from "@/lib/db/corpus.repository";
import { getServerDatabase } from "@/lib/db/server-database";

export const dynamic = "force-dynamic";

/** Every corpus with its number of recordings (rows: a split stereo file counts twice). */
export async function GET(): Promise<Response> {
  const database = await getServerDatabase();
  return Response.json({ corpora: await listCorpora(database.prisma) }, { headers: { "Cache-Control": "no-store" } });
}
