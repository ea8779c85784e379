import { serveExportArchive, serverExportPullContext } from "@/lib/exports/serve-export-pull";

export const dynamic = "force-dynamic";

/**
 * The export as one zip, streamed with HTTP Range so downloads resume (HEAD
 * too, via GET). Needs an API token with exports:read.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return serveExportArchive(await serverExportPullContext(), request, id);
}
