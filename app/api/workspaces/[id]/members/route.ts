import { serveMemberSet } from "@/lib/auth/serve-workspaces";
import { getServerDatabase } from "@/lib/db/server-database";
import { readJsonBody } from "../../../request-guard";

export const dynamic = "force-dynamic";

/** Body: { username, role }: gives the account that role in the workspace (its admins). */
export async function PUT(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  const { id } = await context.params;
  return serveMemberSet(await getServerDatabase(), request, id, read.body);
}
