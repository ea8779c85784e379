import { authorize } from "../auth/authorize";
import { seesEverything } from "../auth/workspace-checks";
import type { Database } from "../db/database";
import { workspaceOfCorpusNamed, workspacesOfCohortsNamed, workspacesOfRecordings } from "../db/workspace-scope-more.repository";
import { type Actor, actorCan, refusalMessage } from "../domain/access/workspace-access";
import { errorResponse } from "../http/error-response";
import { ModelNotFoundError } from "../inference/analysis-job";
import { analyseJobPayloadSchema, type AnalyseJobRequest } from "../inference/analysis-job-payload";
import { AnalysisRequestError, enqueueAnalysis } from "../inference/start-analysis";
import type { JobQueue } from "../jobs/job-queue";
import { toJobView } from "../jobs/job-view";
import { queueActingFor } from "../jobs/queue-acting-for";

/**
 * POST /api/analyses (`npm run analyze` while a server runs): queues an
 * analysis of a corpus, a cohort or recordings, as the asker, once they may
 * run analyses in every workspace the selection reaches. What they cannot
 * read answers as what does not exist.
 */
export async function serveAnalysisRequest(
  dependencies: { database: Database; queue: JobQueue; modelsDir: string },
  request: Pick<Request, "headers">,
  body: unknown,
): Promise<Response> {
  const { database } = dependencies;
  const auth = await authorize(database, request, "analyse");
  if (!auth.ok) return auth.response;
  const parsed = analyseJobPayloadSchema.safeParse(body);
  // A malformed request is left to enqueueAnalysis, which names every problem.
  if (parsed.success && !seesEverything(auth.actor)) {
    const refused = await refuseSelection(database, auth.actor, parsed.data.selection);
    if (refused) return refused;
  }
  try {
    // An account's job is listed as theirs; single-user mode's jobs stay without a creator, as before.
    const queue = auth.actor.kind === "account" ? queueActingFor(dependencies.queue, auth.actor.userId) : dependencies.queue;
    const job = await enqueueAnalysis(queue, body as AnalyseJobRequest, dependencies.modelsDir);
    return Response.json(toJobView(job), { status: 202 });
  } catch (error) {
    if (error instanceof AnalysisRequestError || error instanceof ModelNotFoundError) {
      return Response.json({ error: error.message, code: error.code }, { status: 400 });
    }
    throw error;
  }
}

async function refuseSelection(
  database: Database,
  actor: Actor,
  selection: { corpusName?: string | undefined; cohortName?: string | undefined; recordingIds?: readonly string[] | undefined },
): Promise<Response | null> {
  const reached = new Set<string>();
  const hidden = (workspaceId: string | null | undefined) => workspaceId === null || workspaceId === undefined || !actorCan(actor, "read", workspaceId);
  if (selection.recordingIds) {
    const workspaces = await workspacesOfRecordings(database.prisma, selection.recordingIds.map((id) => id.toLowerCase()));
    const missing = selection.recordingIds.find((id) => hidden(workspaces.get(id.toLowerCase())));
    if (missing) return errorResponse(404, `There is no recording with id ${missing}.`, "RECORDING_NOT_FOUND");
    workspaces.forEach((workspaceId) => reached.add(workspaceId));
  }
  if (selection.corpusName !== undefined) {
    const workspaceId = await workspaceOfCorpusNamed(database.prisma, selection.corpusName);
    if (hidden(workspaceId)) return errorResponse(404, `There is no corpus named "${selection.corpusName}".`, "CORPUS_NOT_FOUND");
    reached.add(workspaceId!);
  }
  if (selection.cohortName !== undefined) {
    const workspaces = await workspacesOfCohortsNamed(database.prisma, selection.cohortName, selection.corpusName);
    const visible = workspaces.filter((workspaceId) => !hidden(workspaceId));
    if (visible.length === 0) return errorResponse(404, `There is no cohort named "${selection.cohortName}".`, "COHORT_NOT_FOUND");
    // The job selects by name across corpora, so it would reach the other workspace's cohort too.
    if (visible.length < workspaces.length) {
      return errorResponse(400, `More than one corpus has a cohort named "${selection.cohortName}": name its corpus too (corpusName).`, "COHORT_NAME_AMBIGUOUS");
    }
    visible.forEach((workspaceId) => reached.add(workspaceId));
  }
  const denied = [...reached].find((workspaceId) => !actorCan(actor, "analyse", workspaceId));
  return denied ? errorResponse(403, refusalMessage(actor, "analyse", denied), "FORBIDDEN") : null;
}
