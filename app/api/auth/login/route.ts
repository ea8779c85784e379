import { serveLogin } from "@/lib/auth/serve-auth";
import { getServerDatabase } from "@/lib/db/server-database";
import { readJsonBody } from "../../request-guard";

export const dynamic = "force-dynamic";

/** Body: { username, password }. 200 with the session cookie; 401 for a wrong pair (same answer for unknown users); 429 when rate limited. */
export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  return serveLogin(await getServerDatabase(), request, read.body);
}
