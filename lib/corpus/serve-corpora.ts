import { authorize } from "../auth/authorize";
import { listCorpora } from "../db/corpus.repository";
import type { Database } from "../db/database";
import { workspaceFilter } from "../auth/workspace-checks";

/** GET /api/corpora: the corpora of the workspaces the asker may read, each with its number of recording rows. */
export async function serveCorpora(database: Database, request: Pick<Request, "headers">): Promise<Response> {
  const auth = await authorize(database, request, "read");
  if (!auth.ok) return auth.response;
  const workspaceIds = workspaceFilter(auth.actor);
  const corpora = await listCorpora(database.prisma, workspaceIds ? { workspaceIds } : {});
  return Response.json({ corpora }, { headers: { "Cache-Control": "no-store" } });
}
