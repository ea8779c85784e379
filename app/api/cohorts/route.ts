import { serveCohortCreate, serveCohortList } from "@/lib/cohorts/serve-cohorts";
import { getServerDatabase } from "@/lib/db/server-database";
import { readJsonBody } from "../request-guard";

export const dynamic = "force-dynamic";

/** Cohorts with their corpus and patient and recording counts; `corpus` narrows to one corpus. */
export async function GET(request: Request): Promise<Response> {
  return serveCohortList(await getServerDatabase(), request, new URL(request.url).searchParams);
}

/** Creates a cohort. Body: { corpusId, name, description?, patientIds?, recordingIds? }; 201, or 400/404/409. */
export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  return serveCohortCreate(await getServerDatabase(), request, read.body);
}
