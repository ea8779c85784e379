import { serveExportList, serverExportPullContext } from "@/lib/exports/serve-export-pull";

export const dynamic = "force-dynamic";

/** Succeeded exports, newest first (id, name, dates, counts, manifest hash). Needs an API token with exports:read. */
export async function GET(request: Request): Promise<Response> {
  return serveExportList(await serverExportPullContext(), request);
}
