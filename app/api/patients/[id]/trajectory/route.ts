import { servePatientTrajectory } from "@/lib/cohorts/serve-patient-trajectory";
import { serverCorpusSettings } from "@/lib/corpus/server-corpus-settings";
import { getServerDatabase } from "@/lib/db/server-database";

export const dynamic = "force-dynamic";

/** The patient's sessions in order with emotion mixes and embedding distances; `modelId` picks the model (default: most analyses). */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return servePatientTrajectory({ database: await getServerDatabase(), store: serverCorpusSettings().store, request, patientId: id, params: new URL(request.url).searchParams });
}
