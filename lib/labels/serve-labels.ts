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
import { ensureLocalResearcher } from "../db/user.repository";
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
 * transaction. Until accounts exist (issue 10) the author is the local
 * researcher.
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

export async function serveLabelState(database: Database, recordingId: string): Promise<Response> {
  const state = isUuid(recordingId) ? await readLabelState(database.prisma, recordingId.toLowerCase()) : null;
  return state ? json(state) : notFound(recordingId);
}

export async function serveLabelEdit(options: { database: Database; store: AudioStore; recordingId: string; body: unknown }): Promise<Response> {
  const { database, recordingId } = options;
  if (!isUuid(recordingId)) return notFound(recordingId);
  const parsed = labelEditBodySchema.safeParse(options.body);
  if (!parsed.success) return errorResponse(400, `Invalid label edit. ${problemsOf(parsed.error)}`, "EDIT_INVALID");
  const author = await ensureLocalResearcher(database.prisma);
  return answer(database, recordingId, () =>
    applyLabelEdit(database.prisma, {
      recordingId: recordingId.toLowerCase(),
      expectedVersion: parsed.data.expectedVersion,
      edit: parsed.data.edit,
      authorId: author.id,
      store: options.store,
    }),
  );
}

export async function serveUndoRedo(options: { database: Database; recordingId: string; body: unknown; direction: "undo" | "redo" }): Promise<Response> {
  const { database, recordingId, direction } = options;
  if (!isUuid(recordingId)) return notFound(recordingId);
  const parsed = versionBodySchema.safeParse(options.body);
  if (!parsed.success) return errorResponse(400, `Invalid ${direction} request. ${problemsOf(parsed.error)}`, "EDIT_INVALID");
  const author = await ensureLocalResearcher(database.prisma);
  const request = { recordingId: recordingId.toLowerCase(), expectedVersion: parsed.data.expectedVersion, authorId: author.id };
  return answer(database, recordingId, () => (direction === "undo" ? undoLabelEdit : redoLabelEdit)(database.prisma, request));
}

export async function serveLabelHistory(database: Database, recordingId: string, params: URLSearchParams): Promise<Response> {
  if (!isUuid(recordingId)) return notFound(recordingId);
  const query = historyQuerySchema.safeParse(Object.fromEntries(params));
  if (!query.success) return errorResponse(400, `Invalid query parameters. ${problemsOf(query.error)}`, "QUERY_INVALID");
  const id = recordingId.toLowerCase();
  // One cheap read tells an unknown recording (404) from one without edits (an empty list).
  if (!(await readLabelState(database.prisma, id))) return notFound(recordingId);
  const entries = await listLabelHistory(database.prisma, id, query.data.region ? { regionId: query.data.region } : {});
  return json({ entries } satisfies LabelHistoryJson);
}

export async function serveNextAttention(database: Database, params: URLSearchParams): Promise<Response> {
  const query = attentionQuerySchema.safeParse(Object.fromEntries(params));
  if (!query.success) return errorResponse(400, `Invalid query parameters. ${problemsOf(query.error)}`, "QUERY_INVALID");
  const target = await findNextAttention(database.prisma, {
    ...(query.data.corpus ? { corpusId: query.data.corpus } : {}),
    ...(query.data.after ? { afterRecordingId: query.data.after } : {}),
  });
  return json({ target } satisfies AttentionJson);
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

function notFound(recordingId: string): Response {
  return errorResponse(404, `There is no recording with id ${isUuid(recordingId) ? recordingId : "(malformed)"}.`, "RECORDING_NOT_FOUND");
}
