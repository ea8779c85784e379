import { getServerDatabase } from "@/lib/db/server-database";
import { serveNextAttention } from "@/lib/labels/serve-labels";

export const dynamic = "force-dynamic";

/** The next recording that needs attention: `corpus` limits it to one corpus, `after` names the recording open now. */
export async function GET(request: Request): Promise<Response> {
  return serveNextAttention(await getServerDatabase(), request, new URL(request.url).searchParams);
}
