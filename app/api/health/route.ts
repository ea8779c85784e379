import path from "node:path";
import { getServerDatabase } from "@/lib/db/server-database";
import { buildHealthReport } from "@/lib/health/health-report";

// Health reflects the live database, never a build-time snapshot.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    const database = await getServerDatabase();
    const report = await buildHealthReport(
      database,
      path.join(process.cwd(), "prisma", "migrations"),
      process.uptime(),
    );
    return Response.json(report, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const message = error instanceof Error ? error.message : "Unknown error";
    return Response.json({ status: "error", error: message }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
