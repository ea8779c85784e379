import { ImportPathError } from "@/lib/corpus/import-path-error";
import { ImportRequestError, enqueueImport } from "@/lib/corpus/start-import";
import { serverCorpusSettings } from "@/lib/corpus/server-corpus-settings";
import { getServerJobQueue } from "@/lib/jobs/server-job-queue";
import { toJobView } from "@/lib/jobs/job-view";
import { readJsonBody } from "../request-guard";

export const dynamic = "force-dynamic";

/** Queues an import (used by `npm run import` while a server runs). Body: an ImportJobRequest. */
export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  const { body } = read;
  try {
    const job = await enqueueImport(await getServerJobQueue(), body as never, serverCorpusSettings().importRoots);
    return Response.json(toJobView(job), { status: 202 });
  } catch (error) {
    if (error instanceof ImportRequestError || error instanceof ImportPathError) {
      return Response.json({ error: error.message, code: error.code }, { status: 400 });
    }
    throw error;
  }
}
