import { z } from "zod";
import { authorize } from "../auth/authorize";
import { auditActorOf, seesEverything } from "../auth/workspace-checks";
import type { Database } from "../db/database";
import { applyBulkLabel } from "../db/label.repository";
import { workspacesOfRecordings } from "../db/workspace-scope-more.repository";
import { actorCan, refusalMessage } from "../domain/access/workspace-access";
import type { AuditEventInput } from "../domain/audit-event";
import { CANONICAL_LABELS } from "../domain/emotion-labels";
import { errorResponse } from "../http/error-response";
import { LabelEditError } from "./label-edit-error";

/**
 * POST /api/labels/bulk: labels a selection's recordings or regions (a
 * projection lasso) in one transaction, each with its own history entry. The
 * actor must be allowed to label in the workspace of every target; a target
 * in a workspace they cannot read answers as a missing recording does.
 */

const bulkLabelSchema = z
  .object({
    targets: z
      .array(z.object({ recordingId: z.uuid({ error: "recordingId must be a UUID" }), regionId: z.uuid({ error: "regionId must be a UUID" }).nullable() }).strict())
      .min(1, { error: "select at least one point to label" })
      .max(50_000, { error: "at most 50,000 points can be labelled at once" }),
    emotion: z.enum(CANONICAL_LABELS, { error: `emotion must be one of ${CANONICAL_LABELS.join(", ")}` }).nullable(),
  })
  .strict();

export async function serveBulkLabel(database: Database, request: Pick<Request, "headers">, body: unknown): Promise<Response> {
  const auth = await authorize(database, request, "label");
  if (!auth.ok) return auth.response;
  const parsed = bulkLabelSchema.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "bulk label request"}: ${issue.message}`);
    return errorResponse(400, `The bulk label request is invalid. ${problems.join("; ")}`, "PROJECTION_REQUEST_INVALID");
  }
  const targets = parsed.data.targets.map((target) => ({ recordingId: target.recordingId.toLowerCase(), regionId: target.regionId?.toLowerCase() ?? null }));
  const recordingIds = [...new Set(targets.map((target) => target.recordingId))];
  // One statement for every target, also for the local researcher: the audit files the change under each workspace.
  const workspaces = await workspacesOfRecordings(database.prisma, recordingIds);
  if (!seesEverything(auth.actor)) {
    const hidden = recordingIds.find((id) => {
      const workspaceId = workspaces.get(id);
      return workspaceId === undefined || !actorCan(auth.actor, "read", workspaceId);
    });
    // Worded as the repository words a recording that is gone.
    if (hidden) return errorResponse(404, `There is no recording with id ${hidden}.`, "RECORDING_NOT_FOUND");
    const denied = [...new Set(workspaces.values())].find((workspaceId) => !actorCan(auth.actor, "label", workspaceId));
    if (denied) return errorResponse(403, refusalMessage(auth.actor, "label", denied), "FORBIDDEN");
  }
  const perWorkspace = new Map<string, number>();
  for (const target of targets) {
    const workspaceId = workspaces.get(target.recordingId);
    if (workspaceId) perWorkspace.set(workspaceId, (perWorkspace.get(workspaceId) ?? 0) + 1);
  }
  const audit: AuditEventInput[] = [...perWorkspace].map(([workspaceId, count]) => ({
    ...auditActorOf(auth.actor),
    action: "label.bulk",
    targetType: "recording",
    workspaceId,
    address: auth.address,
    details: { count, emotion: parsed.data.emotion },
  }));
  try {
    return Response.json(await applyBulkLabel(database.prisma, { targets, emotion: parsed.data.emotion, authorId: auth.actor.userId, audit }), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof LabelEditError) return errorResponse(error.code === "RECORDING_NOT_FOUND" || error.code === "REGION_NOT_FOUND" ? 404 : 409, error.message, error.code);
    throw error;
  }
}
