import { serveCohortAddPatients, serveCohortDelete, serveCohortDetail } from "@/lib/cohorts/serve-cohorts";
import { getServerDatabase } from "@/lib/db/server-database";
import { readJsonBody, refuseCrossSiteWrite } from "../../request-guard";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The cohort and its patients (code, recording and session counts). */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return serveCohortDetail(await getServerDatabase(), request, id);
}

/** Adds patients. Body: { patientIds?, recordingIds? } (recordings bring their patients). */
export async function PATCH(request: Request, context: Context): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  const { id } = await context.params;
  return serveCohortAddPatients(await getServerDatabase(), request, id, read.body);
}

/** Deletes the cohort; its patients and recordings stay. */
export async function DELETE(request: Request, context: Context): Promise<Response> {
  const refused = refuseCrossSiteWrite(request);
  if (refused) return refused;
  const { id } = await context.params;
  return serveCohortDelete(await getServerDatabase(), request, id);
}
