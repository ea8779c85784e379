import { getServerDatabase } from "@/lib/db/server-database";
import { serveLabelHistory } from "@/lib/labels/serve-labels";

export const dynamic = "force-dynamic";

/** The recording's edit history, newest first; `region` narrows it to one region. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return serveLabelHistory(await getServerDatabase(), request, id, new URL(request.url).searchParams);
}
