import { serveCohortComparison } from "@/lib/cohorts/serve-cohort-comparison";
import { serverCorpusSettings } from "@/lib/corpus/server-corpus-settings";
import { getServerDatabase } from "@/lib/db/server-database";
import { readJsonBody } from "../../request-guard";

export const dynamic = "force-dynamic";

/** Compares cohorts. Body: { cohortIds (≥ 2), modelId?, level?, correction?, seed?, permutations?, metrics? }. */
export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  return serveCohortComparison({ database: await getServerDatabase(), store: serverCorpusSettings().store, request, body: read.body });
}
