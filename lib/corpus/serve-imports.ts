import { authorize } from "../auth/authorize";
import { seesEverything } from "../auth/workspace-checks";
import type { Database } from "../db/database";
import { DEFAULT_WORKSPACE_ID, workspaceIdNamed, workspaceOfCorpusNamed } from "../db/workspace-scope-more.repository";
import { actorCan, refusalMessage } from "../domain/access/workspace-access";
import { errorResponse } from "../http/error-response";
import type { JobQueue } from "../jobs/job-queue";
import { toJobView } from "../jobs/job-view";
import { queueActingFor } from "../jobs/queue-acting-for";
import { ImportPathError } from "./import-path-error";
import { importJobPayloadSchema, type ImportJobRequest } from "./import-job-payload";
import { enqueueImport, ImportRequestError } from "./start-import";

/**
 * POST /api/imports (`npm run import` while a server runs): queues an import
 * into a corpus, once the asker may manage the corpus's workspace. A corpus
 * the import creates joins the workspace the request names (`workspace`, by
 * name) or the Default workspace, so creating one takes managing that one.
 */
export async function serveImportRequest(
  dependencies: { database: Database; queue: JobQueue; importRoots: readonly string[] },
  request: Pick<Request, "headers">,
  body: unknown,
): Promise<Response> {
  const auth = await authorize(dependencies.database, request, "manageWorkspace");
  if (!auth.ok) return auth.response;
  const parsed = importJobPayloadSchema.safeParse(body);
  // A malformed request is left to enqueueImport, which names every problem.
  if (parsed.success) {
    const { corpusName, workspace } = parsed.data;
    const { prisma } = dependencies.database;
    const existing = await workspaceOfCorpusNamed(prisma, corpusName);
    const named = workspace === undefined ? undefined : await workspaceIdNamed(prisma, workspace);
    // An unknown workspace answers alike whether it does not exist or the asker is not in it.
    if (named === null || (named !== undefined && !seesEverything(auth.actor) && !actorCan(auth.actor, "read", named))) {
      return errorResponse(400, `There is no workspace "${workspace}" to import into.`, "IMPORT_REQUEST_INVALID");
    }
    if (existing !== null && named !== undefined && existing !== named) {
      return errorResponse(400, `Corpus "${corpusName}" belongs to another workspace; import into it there, or choose a new corpus name.`, "IMPORT_REQUEST_INVALID");
    }
    const workspaceId = existing ?? named ?? DEFAULT_WORKSPACE_ID;
    if (!seesEverything(auth.actor) && !actorCan(auth.actor, "manageWorkspace", workspaceId)) {
      return errorResponse(403, `Cannot import into corpus "${corpusName}": ${refusalMessage(auth.actor, "manageWorkspace", workspaceId)}`, "FORBIDDEN");
    }
  }
  try {
    // An account's job is listed as theirs; single-user mode's jobs stay without a creator, as before.
    const queue = auth.actor.kind === "account" ? queueActingFor(dependencies.queue, auth.actor.userId) : dependencies.queue;
    const job = await enqueueImport(queue, body as ImportJobRequest, dependencies.importRoots);
    return Response.json(toJobView(job), { status: 202 });
  } catch (error) {
    if (error instanceof ImportRequestError || error instanceof ImportPathError) {
      return Response.json({ error: error.message, code: error.code }, { status: 400 });
    }
    throw error;
  }
}
