import { z } from "zod";
import { authorize } from "../auth/authorize";
import { refuseIfBlinded } from "../auth/blinding";
import { auditActorOf } from "../auth/workspace-checks";
import {
  accountsWithRoleIn,
  addAssignments,
  agreementItems,
  assignedRecordingIds,
  findAnnotation,
  isWorkspaceBlinded,
  listAnnotations,
  recordingIdsOfCorpus,
  regionBelongsTo,
  saveAnnotationWithAudit,
  usernamesOf,
} from "../db/annotation.repository";
import { recordAuditEvent } from "../db/audit.repository";
import type { Database } from "../db/database";
import { applyBulkLabel } from "../db/label.repository";
import { workspaceOfCorpus, workspaceOfRecording } from "../db/workspace-scope.repository";
import { type Actor, actorCan, roleAllows } from "../domain/access/workspace-access";
import { agreementSummary } from "../domain/agreement/agreement-summary";
import { confusionMatrix } from "../domain/agreement/confusion-matrix";
import { AssignmentPlanError, planAssignments } from "../domain/annotation/assignment-plan";
import { CANONICAL_LABELS, type CanonicalLabel } from "../domain/emotion-labels";
import { errorResponse } from "../http/error-response";
import { isUuid } from "../http/search-params";
import { problemsOf } from "../http/zod-problems";

/**
 * Annotation as a team: each annotator's own labels (POST/GET
 * /api/annotations), a reviewer's final label (POST /api/annotations/review),
 * assignments with an overlap share (POST/GET /api/assignments) and agreement
 * between annotators (GET /api/agreement).
 */

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
const uuid = z.string().refine(isUuid, { error: "must be a UUID" }).transform((value) => value.toLowerCase());
const emotion = z.enum(CANONICAL_LABELS, { error: `must be one of ${CANONICAL_LABELS.join(", ")}` });
const recordingNotFound = (id: string) => `Recording ${id} does not exist.`;

const annotationSchema = z.object({ recordingId: uuid, regionId: uuid.nullable().default(null), emotion }, { error: "must be an object { recordingId, regionId, emotion }" });

export async function serveAnnotationSet(database: Database, request: Request, body: unknown): Promise<Response> {
  const parsed = annotationSchema.safeParse(body);
  if (!parsed.success) return errorResponse(400, `Invalid annotation. ${problemsOf(parsed.error)}`, "ANNOTATION_INVALID");
  const { recordingId, regionId } = parsed.data;
  const workspaceId = await workspaceOfRecording(database.prisma, recordingId);
  const authorized = await authorize(database, request, "annotate", { workspaceId, notFound: recordingNotFound(recordingId) });
  if (!authorized.ok) return authorized.response;
  if (!(await regionBelongsTo(database.prisma, recordingId, regionId))) return errorResponse(404, `Region ${regionId} is not a region of recording ${recordingId}.`, "NOT_FOUND");
  const annotation = await saveAnnotationWithAudit(
    database.prisma,
    { recordingId, regionId, annotatorId: authorized.actor.userId, emotion: parsed.data.emotion },
    {
      ...auditActorOf(authorized.actor),
      action: "annotation.set",
      targetType: "recording",
      targetId: recordingId,
      workspaceId,
      address: authorized.address,
      details: { emotion: parsed.data.emotion, region: regionId },
    },
  );
  return json({ annotation }, 201);
}

/** Blinded workspaces show an annotator only their own annotations; reviewers and admins see everyone's side by side. */
async function seesOthers(database: Database, actor: Actor, workspaceId: string): Promise<boolean> {
  if (actorCan(actor, "review", workspaceId)) return true;
  return !(await isWorkspaceBlinded(database.prisma, workspaceId));
}

export async function serveAnnotationList(database: Database, request: Request): Promise<Response> {
  const recordingId = new URL(request.url).searchParams.get("recording") ?? "";
  if (!isUuid(recordingId)) return errorResponse(400, "Name the recording: ?recording=<id>.", "ANNOTATION_QUERY_INVALID");
  const workspaceId = await workspaceOfRecording(database.prisma, recordingId);
  const authorized = await authorize(database, request, "read", { workspaceId, notFound: recordingNotFound(recordingId) });
  if (!authorized.ok) return authorized.response;
  const all = await seesOthers(database, authorized.actor, workspaceId!);
  const annotations = await listAnnotations(database.prisma, recordingId.toLowerCase(), all ? undefined : authorized.actor.userId);
  return json({ annotations, blinded: !all });
}

const reviewSchema = z.object(
  { recordingId: uuid, regionId: uuid.nullable().default(null), emotion: emotion.optional(), acceptAnnotationId: uuid.optional() },
  { error: "must be an object { recordingId, regionId, emotion } or { recordingId, regionId, acceptAnnotationId }" },
);

/** Sets the final label (what exports use under human policies): an annotator's label accepted, or one the reviewer chooses. */
export async function serveReview(database: Database, request: Request, body: unknown): Promise<Response> {
  const parsed = reviewSchema.safeParse(body);
  if (!parsed.success) return errorResponse(400, `Invalid review. ${problemsOf(parsed.error)}`, "REVIEW_INVALID");
  const { recordingId, regionId, acceptAnnotationId } = parsed.data;
  if ((parsed.data.emotion === undefined) === (acceptAnnotationId === undefined)) {
    return errorResponse(400, "Invalid review. Give either emotion (the final label) or acceptAnnotationId (an annotator's label to accept).", "REVIEW_INVALID");
  }
  const workspaceId = await workspaceOfRecording(database.prisma, recordingId);
  const authorized = await authorize(database, request, "review", { workspaceId, notFound: recordingNotFound(recordingId) });
  if (!authorized.ok) return authorized.response;
  let final: CanonicalLabel;
  if (acceptAnnotationId) {
    const accepted = await findAnnotation(database.prisma, acceptAnnotationId);
    if (!accepted || accepted.recordingId !== recordingId || accepted.regionId !== regionId) {
      return errorResponse(404, `Annotation ${acceptAnnotationId} is not an annotation of this recording${regionId ? "'s region" : ""}.`, "NOT_FOUND");
    }
    final = accepted.emotion as CanonicalLabel;
  } else {
    final = parsed.data.emotion!;
  }
  if (!(await regionBelongsTo(database.prisma, recordingId, regionId))) return errorResponse(404, `Region ${regionId} is not a region of recording ${recordingId}.`, "NOT_FOUND");
  await applyBulkLabel(database.prisma, {
    targets: [{ recordingId, regionId }],
    emotion: final,
    authorId: authorized.actor.userId,
    audit: [
      {
        ...auditActorOf(authorized.actor),
      action: acceptAnnotationId ? "review.accept" : "review.set",
      targetType: "recording",
      targetId: recordingId,
      workspaceId,
      address: authorized.address,
      details: { emotion: final, region: regionId, ...(acceptAnnotationId ? { annotation: acceptAnnotationId } : {}) },
      },
    ],
  });
  return json({ final: { recordingId, regionId, emotion: final } });
}

const assignmentSchema = z.object(
  {
    corpusId: uuid,
    annotators: z.array(z.string().min(1), { error: "must list annotators' usernames" }).min(1).max(200),
    overlapShare: z.number({ error: "must be a share from 0 to 1" }).min(0).max(1),
    overlapAnnotators: z.number().int().min(2).max(20).optional(),
    seed: z.number().int().default(1),
  },
  { error: "must be an object { corpusId, annotators, overlapShare, overlapAnnotators?, seed? }" },
);

export async function serveAssignmentCreate(database: Database, request: Request, body: unknown): Promise<Response> {
  const parsed = assignmentSchema.safeParse(body);
  if (!parsed.success) return errorResponse(400, `Invalid assignment. ${problemsOf(parsed.error)}`, "ASSIGNMENT_INVALID");
  const { corpusId } = parsed.data;
  const workspaceId = await workspaceOfCorpus(database.prisma, corpusId);
  const authorized = await authorize(database, request, "manageWorkspace", { workspaceId, notFound: `Corpus ${corpusId} does not exist.` });
  if (!authorized.ok) return authorized.response;
  const users = await accountsWithRoleIn(database.prisma, parsed.data.annotators, workspaceId!);
  const unknown = parsed.data.annotators.filter((name) => !users.some((user) => user.username === name));
  if (unknown.length > 0) return errorResponse(400, `Invalid assignment. No account ${unknown.map((name) => `"${name}"`).join(", ")}.`, "ASSIGNMENT_INVALID");
  const notAnnotators = users.filter((user) => user.role === null || !roleAllows(user.role, "annotate"));
  if (notAnnotators.length > 0) {
    return errorResponse(400, `Invalid assignment. ${notAnnotators.map((user) => user.username).join(", ")} may not annotate in this workspace; give them a role first.`, "ASSIGNMENT_INVALID");
  }
  const recordingIds = await recordingIdsOfCorpus(database.prisma, corpusId);
  try {
    const plan = planAssignments({
      recordingIds,
      annotatorIds: users.map((user) => user.id),
      overlapShare: parsed.data.overlapShare,
      ...(parsed.data.overlapAnnotators ? { overlapAnnotators: parsed.data.overlapAnnotators } : {}),
      seed: parsed.data.seed,
    });
    const added = await addAssignments(database.prisma, plan);
    await recordAuditEvent(database.prisma, {
      ...auditActorOf(authorized.actor),
      action: "assignment.create",
      targetType: "corpus",
      targetId: corpusId,
      workspaceId,
      address: authorized.address,
      details: { annotators: users.length, recordings: recordingIds.length, assignments: added, overlapShare: parsed.data.overlapShare },
    });
    return json({ planned: plan.length, added }, 201);
  } catch (error) {
    if (error instanceof AssignmentPlanError) return errorResponse(400, `Invalid assignment. ${error.message}`, error.code);
    throw error;
  }
}

/** GET /api/assignments: the recordings assigned to the caller, oldest assignment first. */
export async function serveMyAssignments(database: Database, request: Request): Promise<Response> {
  const authorized = await authorize(database, request, "read");
  if (!authorized.ok) return authorized.response;
  return json({ recordingIds: await assignedRecordingIds(database.prisma, authorized.actor.userId) });
}

/** GET /api/agreement?corpus=<id>[&cohort=<id>]: agreement between annotators, overall, per pair (with confusion matrices) and per emotion. */
export async function serveAgreement(database: Database, request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const corpusId = params.get("corpus") ?? "";
  const cohortId = params.get("cohort");
  if (!isUuid(corpusId) || (cohortId !== null && !isUuid(cohortId))) return errorResponse(400, "Name the corpus (?corpus=<id>) and optionally a cohort (&cohort=<id>).", "AGREEMENT_QUERY_INVALID");
  const workspaceId = await workspaceOfCorpus(database.prisma, corpusId.toLowerCase());
  const authorized = await authorize(database, request, "read", { workspaceId, notFound: `Corpus ${corpusId} does not exist.` });
  if (!authorized.ok) return authorized.response;
  // Agreement tables show how the others labelled: not for blinded annotators.
  const blinded = await refuseIfBlinded(database, authorized.actor, [workspaceId!]);
  if (blinded) return blinded;
  const items = await agreementItems(database.prisma, { corpusId: corpusId.toLowerCase(), ...(cohortId ? { cohortId: cohortId.toLowerCase() } : {}) });
  const summary = agreementSummary(items, CANONICAL_LABELS);
  const names = await usernamesOf(database.prisma, summary.raters);
  const confusion = summary.pairwise.map((pair) => confusionMatrix(items, pair.raterA, pair.raterB, CANONICAL_LABELS));
  return json({ annotators: Object.fromEntries(names), summary, confusion });
}
