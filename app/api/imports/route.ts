import { serverCorpusSettings } from "@/lib/corpus/server-corpus-settings";
import { serveImportRequest } from "@/lib/corpus/serve-imports";
import { getServerDatabase } from "@/lib/db/server-database";
import { getServerJobQueue } from "@/lib/jobs/server-job-queue";
import { readJsonBody } from "../request-guard";

export const dynamic = "force-dynamic";

/** Queues an import (used by `npm run import` while a server runs). Body: an ImportJobRequest. */
export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  return serveImportRequest(
    { database: await getServerDatabase(), queue: await getServerJobQueue(), importRoots: serverCorpusSettings().importRoots },
    request,
    read.body,
  );
}
