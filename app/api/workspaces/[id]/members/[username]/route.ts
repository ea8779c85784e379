import { serveMemberRemove } from "@/lib/auth/serve-workspaces";
import { getServerDatabase } from "@/lib/db/server-database";
import { refuseCrossSiteWrite } from "../../../../request-guard";

export const dynamic = "force-dynamic";

/** Removes the account from the workspace (its admins), unless it is the last admin. */
export async function DELETE(request: Request, context: { params: Promise<{ id: string; username: string }> }): Promise<Response> {
  const refused = refuseCrossSiteWrite(request);
  if (refused) return refused;
  const { id, username } = await context.params;
  return serveMemberRemove(await getServerDatabase(), request, id, username);
}
