import { serveWorkspaceList } from "@/lib/auth/serve-workspaces";
import { getServerDatabase } from "@/lib/db/server-database";

export const dynamic = "force-dynamic";

/** The asker's workspaces, with their members where the asker may manage them. */
export async function GET(request: Request): Promise<Response> {
  return serveWorkspaceList(await getServerDatabase(), request);
}
