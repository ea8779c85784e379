import { z } from "zod";
import type { AudioStore } from "../corpus/audio-store";
import type { Database } from "../db/database";
import {
  applyLabelEdit,
  findNextAttention,
  listLabelHistory,
  readLabelState,
  redoLabelEdit,
  undoLabelEdit,
} from "../db/label.repository";
import { workspaceOfCorpus, workspaceOfRecording } from "../db/workspace-scope.repository";
import { authorize } from "../auth/authorize";
import { isBlinded, refuseIfBlinded } from "../auth/blinding";
import { checkRecordingAccess, recordingNotFound as notFound } from "../corpus/recording-access";
import { auditActorOf, seesEverything, workspaceFilter } from "../auth/workspace-checks";
import { type Actor, actorCan } from "../domain/access/workspace-access";
import type { AuditEventInput } from "../domain/audit-event";
import { blindLabelState } from "../domain/blind-label-state";
import { CANONICAL_LABELS } from "../domain/emotion-labels";
import type { AttentionTarget, LabelEdit, LabelHistoryEntry, RecordingLabelState } from "../domain/label-state";
import { errorResponse } from "../http/error-response";
import { isUuid } from "../http/search-params";
import { LabelEditError } from "./label-edit-error";
import { problemsOf } from "../http/zod-problems";

/**
 * The labelling routes' logic: GET/POST /api/recordings/:id/labels, its undo,
 * redo and history, and GET /api/attention/next. Bodies are validated here
 * (every route is a public endpoint); the repository does the rest in one
 * transaction. Each asks authorize() who is asking first; edits are written
 * as that actor (the local researcher while ACCOUNTS=off) and audited in
 * their own transaction.
 */

/** 409 body: the edit was based on an old version; `state` is the current one, for the editor to show. */
export interface StaleVersionJson {
  error: string;
  code: "STALE_VERSION";
  state: RecordingLabelState;
}

export interface LabelHistoryJson {
  entries: LabelHistoryEntry[];
}

export interface AttentionJson {
  target: AttentionTarget | null;
}

const UUID_MESSAGE = "must be a UUID (8-4-4-4-12 hexadecimal digits)";
const uuid = z
  .string({ error: UUID_MESSAGE })
  .refine(isUuid, { error: UUID_MESSAGE })
  .transform((value) => value.toLowerCase());
const seconds = z.number({ error: "must be a number of seconds" });
const emotion = z.enum(CANONICAL_LABELS, { error: `must be one of ${CANONICAL_LABELS.join(", ")}, or null to clear the label` }).nullable();
const regionOrRecording = uuid.nullable();
const constraints = z
  .object(
    {
      noOverlap: z.boolean({ error: "must be true or false" }),
      minSeconds: seconds.min(0, { error: "must be 0 or more" }),
    },
    { error: "must be an object { noOverlap, minSeconds }" },
  )
  .optional();

const EDIT_KINDS = ["region.create", "region.update", "region.delete", "label.set", "label.accept-model", "note.set", "review.set"] as const;

export const labelEditSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("region.create"), regionId: uuid, startSeconds: seconds, endSeconds: seconds, constraints }),
    z.object({ kind: z.literal("region.update"), regionId: uuid, startSeconds: seconds, endSeconds: seconds, constraints }),
    z.object({ kind: z.literal("region.delete"), regionId: uuid }),
    z.object({ kind: z.literal("label.set"), regionId: regionOrRecording, emotion }),
    z.object({
      kind: z.literal("label.accept-model"),
      regionId: regionOrRecording,
      modelKey: z.string({ error: "must be a model id" }).min(1, { error: "must not be empty" }).max(200).optional(),
    }),
    z.object({ kind: z.literal("note.set"), regionId: regionOrRecording, note: z.string({ error: "must be text" }).max(10_000, { error: "must be at most 10,000 characters" }) }),
    z.object({ kind: z.literal("review.set"), reviewed: z.boolean({ error: "must be true or false" }) }),
  ],
  { error: `kind must be one of ${EDIT_KINDS.join(", ")}` },
) satisfies z.ZodType<LabelEdit>;

const expectedVersion = z
  .number({ error: "must be the version of the state the edit was made on (a whole number)" })
  .int({ error: "must be a whole number" })
  .min(0, { error: "must be 0 or more" });

export const labelEditBodySchema = z.object({ expectedVersion, edit: labelEditSchema }, { error: "must be an object { expectedVersion, edit }" });
export const versionBodySchema = z.object({ expectedVersion }, { error: "must be an object { expectedVersion }" });

const historyQuerySchema = z.object({ region: uuid.optional() });
const attentionQuerySchema = z.object({ corpus: uuid.optional(), after: uuid.optional() });

export async function serveLabelState(database: Database, request: Pick<Request, "headers">, recordingId: string): Promise<Response> {
  const auth = await authorize(database, request, "read");
  if (!auth.ok) return auth.response;
  const access = await checkRecordingAccess(database, auth.actor, "read", recordingId);
  if (!access.ok) return access.response;
  const state = await readLabelState(database.prisma, access.recordingId);
  if (!state) return notFound(recordingId);
  // A blinded annotator sees the regions to annotate, not the labels others gave them nor the model's.
  return json(access.workspaceId !== null && (await isBlinded(database, auth.actor, access.workspaceId)) ? blindLabelState(state) : state);
}

export async function serveLabelEdit(options: { database: Database; store: AudioStore; request: Pick<Request, "headers">; recordingId: string; body: unknown }): Promise<Response> {
  const { database, recordingId } = options;
  const auth = await authorize(database, options.request, "label");
  if (!auth.ok) return auth.response;
  if (!isUuid(recordingId)) return notFound(recordingId);
  const parsed = labelEditBodySchema.safeParse(options.body);
  if (!parsed.success) return errorResponse(400, `Invalid label edit. ${problemsOf(parsed.error)}`, "EDIT_INVALID");
  const access = await checkRecordingAccess(database, auth.actor, "label", recordingId);
  if (!access.ok) return access.response;
  const { edit } = parsed.data;
  // Region edits, notes and review marks are recorded as label.set too, told apart by their kind.
  const audit = await labelAudit(database, auth, access, "label.set", { kind: edit.kind, ...("regionId" in edit && edit.regionId ? { regionId: edit.regionId } : {}) });
  return answer(database, recordingId, () =>
    applyLabelEdit(database.prisma, { recordingId: access.recordingId, expectedVersion: parsed.data.expectedVersion, edit, authorId: auth.actor.userId, store: options.store, audit }),
  );
}

export async function serveUndoRedo(options: { database: Database; request: Pick<Request, "headers">; recordingId: string; body: unknown; direction: "undo" | "redo" }): Promise<Response> {
  const { database, recordingId, direction } = options;
  const auth = await authorize(database, options.request, "label");
  if (!auth.ok) return auth.response;
  if (!isUuid(recordingId)) return notFound(recordingId);
  const parsed = versionBodySchema.safeParse(options.body);
  if (!parsed.success) return errorResponse(400, `Invalid ${direction} request. ${problemsOf(parsed.error)}`, "EDIT_INVALID");
  const access = await checkRecordingAccess(database, auth.actor, "label", recordingId);
  if (!access.ok) return access.response;
  const change = {
    recordingId: access.recordingId,
    expectedVersion: parsed.data.expectedVersion,
    authorId: auth.actor.userId,
    audit: await labelAudit(database, auth, access, direction === "undo" ? "label.undo" : "label.redo", {}),
  };
  return answer(database, recordingId, () => (direction === "undo" ? undoLabelEdit : redoLabelEdit)(database.prisma, change));
}

export async function serveLabelHistory(database: Database, request: Pick<Request, "headers">, recordingId: string, params: URLSearchParams): Promise<Response> {
  const auth = await authorize(database, request, "read");
  if (!auth.ok) return auth.response;
  if (!isUuid(recordingId)) return notFound(recordingId);
  const query = historyQuerySchema.safeParse(Object.fromEntries(params));
  if (!query.success) return errorResponse(400, `Invalid query parameters. ${problemsOf(query.error)}`, "QUERY_INVALID");
  const access = await checkRecordingAccess(database, auth.actor, "read", recordingId);
  if (!access.ok) return access.response;
  if (access.workspaceId !== null) {
    const blinded = await refuseIfBlinded(database, auth.actor, [access.workspaceId]);
    if (blinded) return blinded;
  }
  const id = access.recordingId;
  // One cheap read tells an unknown recording (404) from one without edits (an empty list).
  if (!(await readLabelState(database.prisma, id))) return notFound(recordingId);
  const entries = await listLabelHistory(database.prisma, id, query.data.region ? { regionId: query.data.region } : {});
  return json({ entries } satisfies LabelHistoryJson);
}

export async function serveNextAttention(database: Database, request: Pick<Request, "headers">, params: URLSearchParams): Promise<Response> {
  const auth = await authorize(database, request, "read");
  if (!auth.ok) return auth.response;
  const query = attentionQuerySchema.safeParse(Object.fromEntries(params));
  if (!query.success) return errorResponse(400, `Invalid query parameters. ${problemsOf(query.error)}`, "QUERY_INVALID");
  if (query.data.corpus && !seesEverything(auth.actor)) {
    // A corpus the actor cannot read answers as an unknown one always has: nothing waits there.
    const workspaceId = await workspaceOfCorpus(database.prisma, query.data.corpus);
    if (workspaceId === null || !actorCan(auth.actor, "read", workspaceId)) return json({ target: null } satisfies AttentionJson);
  }
  const workspaceIds = workspaceFilter(auth.actor);
  const target = await findNextAttention(database.prisma, {
    ...(query.data.corpus ? { corpusId: query.data.corpus } : {}),
    ...(query.data.after ? { afterRecordingId: query.data.after } : {}),
    ...(workspaceIds ? { workspaceIds } : {}),
  });
  return json({ target } satisfies AttentionJson);
}

async function labelAudit(
  database: Database,
  auth: { actor: Actor; address: string },
  access: { recordingId: string; workspaceId: string | null },
  action: "label.set" | "label.undo" | "label.redo",
  details: Record<string, string>,
): Promise<AuditEventInput> {
  return {
    ...auditActorOf(auth.actor),
    action,
    targetType: "recording",
    targetId: access.recordingId,
    workspaceId: access.workspaceId ?? (await workspaceOfRecording(database.prisma, access.recordingId)),
    address: auth.address,
    details,
  };
}

/** Runs a change; typed refusals become 404, 409 (with the current state) or 400. */
async function answer(database: Database, recordingId: string, change: () => Promise<RecordingLabelState>): Promise<Response> {
  try {
    return json(await change());
  } catch (error) {
    if (!(error instanceof LabelEditError)) throw error;
    switch (error.code) {
      case "STALE_VERSION": {
        const state = await readLabelState(database.prisma, recordingId.toLowerCase());
        if (!state) return notFound(recordingId);
        return Response.json({ error: error.message, code: error.code, state } satisfies StaleVersionJson, { status: 409, headers: { "Cache-Control": "no-store" } });
      }
      case "RECORDING_NOT_FOUND":
      case "REGION_NOT_FOUND":
        return errorResponse(404, error.message, error.code);
      default:
        return errorResponse(400, error.message, error.code);
    }
  }
}


function json(body: unknown): Response {
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}
