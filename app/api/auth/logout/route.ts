import { serveLogout } from "@/lib/auth/serve-auth";
import { getServerDatabase } from "@/lib/db/server-database";
import { refuseCrossSiteWrite } from "../../request-guard";

export const dynamic = "force-dynamic";

/** Revokes the session and clears its cookie. */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSiteWrite(request);
  if (refused) return refused;
  return serveLogout(await getServerDatabase(), request);
}
