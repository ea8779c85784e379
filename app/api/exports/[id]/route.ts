import { serveExportDetail, serverExportPullContext } from "@/lib/exports/serve-export-pull";

export const dynamic = "force-dynamic";

/** One succeeded export with its definition and file list (path, bytes, sha256). Needs an API token with exports:read. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return serveExportDetail(await serverExportPullContext(), request, id);
}
