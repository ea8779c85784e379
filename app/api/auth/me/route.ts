import { serveMe } from "@/lib/auth/serve-auth";
import { getServerDatabase } from "@/lib/db/server-database";

export const dynamic = "force-dynamic";

/** Who is logged in (the local researcher when ACCOUNTS=off); 401 with { user: null } when nobody is. */
export async function GET(request: Request): Promise<Response> {
  return serveMe(await getServerDatabase(), request);
}
