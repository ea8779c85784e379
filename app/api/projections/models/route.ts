import { getServerDatabase } from "@/lib/db/server-database";
import { serveProjectableModels } from "@/lib/projection/serve-projections";

export const dynamic = "force-dynamic";

/** Models with stored embeddings and how many, for choosing what to project. */
export async function GET(request: Request): Promise<Response> {
  return serveProjectableModels(await getServerDatabase(), request);
}
