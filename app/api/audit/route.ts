import { serveAuditLog } from "@/lib/auth/serve-audit";
import { getServerDatabase } from "@/lib/db/server-database";

export const dynamic = "force-dynamic";

/** The audit log, for administrators: ?actor=&action=&from=&to=&before=&limit=&format=json|csv. */
export async function GET(request: Request): Promise<Response> {
  return serveAuditLog(await getServerDatabase(), request);
}
