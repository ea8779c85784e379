import { serveRecording } from "@/lib/corpus/serve-recording";
import { getServerDatabase } from "@/lib/db/server-database";

export const dynamic = "force-dynamic";

/** One recording's summary for the editor: name, duration, channels, track, format, patient, session, cohorts and metadata. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return serveRecording(await getServerDatabase(), request, id);
}
