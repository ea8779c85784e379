import { serveApiTokenRevoke } from "@/lib/auth/serve-api-tokens";
import { getServerDatabase } from "@/lib/db/server-database";
import { refuseCrossSiteWrite } from "../../request-guard";

export const dynamic = "force-dynamic";

/** Revokes the token: it stops working at once and stays listed as revoked. */
export async function DELETE(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const refused = refuseCrossSiteWrite(request);
  if (refused) return refused;
  const { id } = await context.params;
  return serveApiTokenRevoke(await getServerDatabase(), request, id);
}
