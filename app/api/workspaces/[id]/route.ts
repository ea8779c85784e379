import { serveWorkspaceUpdate } from "@/lib/auth/serve-workspaces";
import { getServerDatabase } from "@/lib/db/server-database";
import { readJsonBody } from "../../request-guard";

export const dynamic = "force-dynamic";

/** Body: { blindAnnotators }: the workspace's settings (its admins). */
export async function PATCH(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  const { id } = await context.params;
  return serveWorkspaceUpdate(await getServerDatabase(), request, id, read.body);
}
