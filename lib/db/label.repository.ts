import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { AudioStore } from "../corpus/audio-store";
import type { CanonicalLabel } from "../domain/emotion-labels";
import type { AttentionTarget, LabelEdit, LabelHistoryEntry, RecordingLabelState } from "../domain/label-state";
import type { JsonValue } from "../jobs/job-types";
import { frameOffsetOf } from "../inference/serve-analyses";
import { readFrameScores } from "../inference/frame-scores-file";
import { LabelEditError } from "../labels/label-edit-error";
import { type LabelSnapshot, parseStoredEdit, snapshotFromRow, stateOfSnapshot, titleOfStoredEdit } from "../labels/label-snapshot";
import { regionModelLabel, utteranceModelLabel } from "../labels/model-label";
import { type AcceptedModelLabel, type LabelEditPlan, planEdit, type PlanContext, planRedo, planUndo } from "../labels/plan-label-edit";
import type { AuditEventInput } from "../domain/audit-event";
import { recordAuditEvent } from "./audit.repository";
import { Prisma, type PrismaClient } from "./generated/client";

/**
 * Labels, regions, notes and review marks of recordings, with their undo and
 * redo history. Every change runs in one transaction that reads the
 * recording's labelling data in one query, bumps the version only if it is
 * still the one the editor saw (so of two writers one wins and the other is
 * told to reload), writes the rows, and keeps Recording's denormalised
 * labelStatus and humanEmotion in step. Labels are never updated in place.
 */

type Client = PrismaClient | Prisma.TransactionClient;

export async function readLabelState(prisma: PrismaClient, recordingId: string): Promise<RecordingLabelState | null> {
  const snapshot = await readSnapshot(prisma, recordingId, null);
  return snapshot ? stateOfSnapshot(snapshot) : null;
}

export interface ApplyLabelEditRequest {
  recordingId: string;
  /** The version the editor's state had when the edit was made. */
  expectedVersion: number;
  edit: LabelEdit;
  authorId: string;
  /** Where frame scores live, for accepting the model's label of a region. */
  store: AudioStore;
  /** Written in the edit's transaction, so the change and its record land together or not at all. */
  audit?: AuditEventInput;
}

/**
 * Applies one edit and answers the resulting state without reading it
 * again. Statements inside BEGIN … COMMIT: one read, the version bump (which
 * also sets status and any recording field), one write per changed row (two
 * for a label: the new row and the old row's pointer), the history row, and
 * one more when undone edits are discarded: 3 to 6. Accepting a model label
 * reads the analysis and its frame scores first, outside the transaction.
 */
export async function applyLabelEdit(prisma: PrismaClient, request: ApplyLabelEditRequest): Promise<RecordingLabelState> {
  const { recordingId, expectedVersion, edit, authorId } = request;
  const modelLabel = edit.kind === "label.accept-model" ? await readModelLabel(prisma, request.store, recordingId, expectedVersion, edit) : undefined;
  return prisma.$transaction(async (tx) => {
    const snapshot = await readCurrentSnapshot(tx, recordingId, expectedVersion, authorId);
    const state = stateOfSnapshot(await commitEdit(tx, snapshot, edit, authorId, modelLabel));
    if (request.audit) await recordAuditEvent(tx, request.audit);
    return state;
  });
}

export interface BulkLabelRequest {
  /** One label per target: the whole recording (regionId null) or a region of it. */
  targets: readonly { recordingId: string; regionId: string | null }[];
  /** null removes the label. */
  emotion: CanonicalLabel | null;
  authorId: string;
  /** Written in the same transaction (one per workspace the targets lie in). */
  audit?: readonly AuditEventInput[];
}

/**
 * Labels many recordings or regions at once (a projection selection) as one
 * transaction: every target gets its own history entry, and if any target is
 * gone or refuses the label nothing is written.
 */
export async function applyBulkLabel(prisma: PrismaClient, request: BulkLabelRequest): Promise<{ edited: number }> {
  return applyEditsTogether(prisma, {
    edits: request.targets.map((target) => ({ recordingId: target.recordingId, edit: { kind: "label.set", regionId: target.regionId, emotion: request.emotion } })),
    authorId: request.authorId,
    ...(request.audit ? { audit: request.audit } : {}),
  });
}

/**
 * Applies edits to any number of recordings as one transaction (a bulk
 * label, an import of regions from an annotation file): each is planned
 * against the recording's current state, which the previous edit in the same
 * transaction may have changed, and gets its own history entry; any refusal
 * rolls all of them back.
 */
export async function applyEditsTogether(
  prisma: PrismaClient,
  request: { edits: readonly { recordingId: string; edit: Exclude<LabelEdit, { kind: "label.accept-model" }> }[]; authorId: string; audit?: readonly AuditEventInput[] },
): Promise<{ edited: number }> {
  return prisma.$transaction(
    async (tx) => {
      for (const { recordingId, edit } of request.edits) {
        const snapshot = await readSnapshot(tx, recordingId, request.authorId);
        if (!snapshot) throw recordingNotFound(recordingId);
        await commitEdit(tx, snapshot, edit, request.authorId, undefined);
      }
      for (const event of request.audit ?? []) await recordAuditEvent(tx, event);
      return { edited: request.edits.length };
    },
    { timeout: 300_000 },
  );
}

export interface UndoRedoRequest {
  recordingId: string;
  expectedVersion: number;
  authorId: string;
  /** Written in the same transaction. */
  audit?: AuditEventInput;
}

/** Reverts the newest done edit (its `before`) and marks it undone. */
export async function undoLabelEdit(prisma: PrismaClient, request: UndoRedoRequest): Promise<RecordingLabelState> {
  return prisma.$transaction(async (tx) => {
    const snapshot = await readCurrentSnapshot(tx, request.recordingId, request.expectedVersion, request.authorId);
    const { plan, edit } = planUndo(snapshot, planContext(snapshot, request.authorId));
    await commitPlan(tx, snapshot, plan);
    await tx.labelEdit.updateMany({ where: { id: edit.id }, data: { state: "undone", undoneAt: new Date(), undoneById: request.authorId } });
    if (request.audit) await recordAuditEvent(tx, request.audit);
    return stateOfSnapshot(plan.next);
  });
}

/** Applies the oldest undone edit's `after` again and marks it done. */
export async function redoLabelEdit(prisma: PrismaClient, request: UndoRedoRequest): Promise<RecordingLabelState> {
  return prisma.$transaction(async (tx) => {
    const snapshot = await readCurrentSnapshot(tx, request.recordingId, request.expectedVersion, request.authorId);
    const { plan, edit } = planRedo(snapshot, planContext(snapshot, request.authorId));
    await commitPlan(tx, snapshot, plan);
    await tx.labelEdit.updateMany({ where: { id: edit.id }, data: { state: "done", undoneAt: null, undoneById: null } });
    if (request.audit) await recordAuditEvent(tx, request.audit);
    return stateOfSnapshot(plan.next);
  });
}

/** A recording's (or one region's) edit history, newest first; at most `limit` entries (500). */
export async function listLabelHistory(
  prisma: PrismaClient,
  recordingId: string,
  options: { regionId?: string; limit?: number } = {},
): Promise<LabelHistoryEntry[]> {
  const [edits, regions] = await Promise.all([
    prisma.labelEdit.findMany({
      where: { recordingId, ...(options.regionId ? { regionId: options.regionId } : {}) },
      orderBy: { version: "desc" },
      take: options.limit ?? 500,
      select: {
        id: true,
        version: true,
        kind: true,
        regionId: true,
        source: true,
        before: true,
        after: true,
        state: true,
        undoneAt: true,
        createdAt: true,
        author: { select: { displayName: true } },
      },
    }),
    prisma.region.findMany({ where: { recordingId }, select: { id: true, startSeconds: true, endSeconds: true } }),
  ]);
  const spans = regions.map((region) => ({ ...region, note: "", deleted: false }));
  return edits.map((row) => {
    const edit = parseStoredEdit({ ...row, before: row.before ?? null, after: row.after ?? null });
    return {
      id: edit.id,
      version: edit.version,
      kind: edit.kind,
      regionId: edit.regionId,
      source: edit.source,
      authorName: row.author?.displayName ?? null,
      createdAt: row.createdAt.toISOString(),
      before: edit.before,
      after: edit.after,
      state: z.enum(["done", "undone", "discarded"]).parse(row.state),
      undoneAt: row.undoneAt?.toISOString() ?? null,
      title: titleOfStoredEdit(edit, spans),
    };
  });
}

// ── Next recording that needs attention ──────────────────────────────────

const DISAGREES_SQL = `("humanEmotion" IS NOT NULL AND "modelEmotion" IS NOT NULL AND "humanEmotion" <> "modelEmotion")`;
const DISAGREES = Prisma.raw(DISAGREES_SQL);
/** grp 0: disagreement; conf: the model's confidence, none sorting last; name in code-unit order. */
const ATTENTION_KEY = Prisma.raw(
  `CASE WHEN ${DISAGREES_SQL} THEN 0 ELSE 1 END AS grp, COALESCE("modelConfidence", 'Infinity'::float8) AS conf, "originalName" COLLATE "C" AS name`,
);

/**
 * The rule of lib/domain/attention-order.ts over Recording's denormalised
 * columns: the first candidate after the current recording's place in the
 * order, else (the wrap) the first from the start, never the current one.
 * Names compare COLLATE "C", as the domain rule does. Without an index on the
 * key each statement scans the recordings once (about 50–130 ms for 100,000
 * on a loaded two-core machine). `workspaceIds` keeps to the recordings of
 * those workspaces (the ones the asker may read); undefined: every workspace.
 */
export async function findNextAttention(
  prisma: PrismaClient,
  options: { corpusId?: string; afterRecordingId?: string; workspaceIds?: readonly string[] } = {},
): Promise<AttentionTarget | null> {
  const corpusFilter = Prisma.sql`${options.corpusId ? Prisma.sql`AND "corpusId" = ${options.corpusId}::uuid` : Prisma.empty} ${
    options.workspaceIds ? Prisma.sql`AND "corpusId" IN (SELECT id FROM "Corpus" WHERE "workspaceId" = ANY(${[...options.workspaceIds]}::uuid[]))` : Prisma.empty
  }`;
  const after = options.afterRecordingId ?? null;
  const waiting = Prisma.sql`
    SELECT id, "modelConfidence", ${ATTENTION_KEY} FROM "Recording"
    WHERE ("labelStatus" IN ('unlabelled', 'predicted', 'in_progress') OR ("labelStatus" = 'labelled' AND ${DISAGREES}))
      AND id IS DISTINCT FROM ${after}::uuid ${corpusFilter}`;
  const next = (condition: Prisma.Sql) =>
    prisma.$queryRaw<{ id: string; grp: number; modelConfidence: number | null }[]>`
      SELECT k.id::text AS id, k.grp, k."modelConfidence" FROM (${waiting}) k ${condition}
      ORDER BY k.grp, k.conf, k.name, k.id LIMIT 1`;
  // A row comparison and ORDER BY on the key itself (not a CASE over it), so
  // an index on the key could serve both; the wrap is a second statement,
  // run only when nothing comes after the current recording.
  const afterCurrent = Prisma.sql`
    WHERE (k.grp, k.conf, k.name, k.id) > (SELECT grp, conf, name, id FROM (SELECT id, ${ATTENTION_KEY} FROM "Recording" WHERE id = ${after}::uuid) c)`;
  let rows = after === null ? [] : await next(afterCurrent);
  if (rows.length === 0) rows = await next(Prisma.empty);
  const row = rows[0];
  if (!row) return null;
  return {
    recordingId: row.id,
    reason: Number(row.grp) === 0 ? "disagreement" : row.modelConfidence === null ? "no-human-label" : "low-confidence",
  };
}

// ── The model's prediction, denormalised ─────────────────────────────────

/**
 * Sets modelEmotion and modelConfidence (the top class of the newest
 * whole-recording analysis of this audio, any model) on every recording with
 * this analysis hash, and moves labelStatus between unlabelled and predicted.
 */
export async function refreshModelPrediction(prisma: Client, analysisHash: string): Promise<void> {
  const latest = await prisma.analysis.findFirst({
    where: { audioHash: analysisHash, rangeKey: "" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { utteranceScores: true },
  });
  const label = latest ? utteranceModelLabel(latest.utteranceScores) : null;
  await writePredictions(prisma, [{ hash: analysisHash, emotion: label?.emotion ?? null, confidence: label?.confidence ?? null }]);
}

const BACKFILL_PAGE = 1000;

/**
 * Fills the prediction columns of recordings analysed before they existed
 * (databases older than the label history migration). Pages through the
 * analysis-hash index, so it reads a bounded batch at a time. Returns how
 * many audio hashes got a prediction.
 */
export async function backfillModelPredictions(prisma: PrismaClient): Promise<number> {
  let filled = 0;
  let after = "";
  for (;;) {
    const hashes = await prisma.$queryRaw<{ hash: string }[]>`
      SELECT DISTINCT "analysisHash" AS hash FROM "Recording"
      WHERE "modelEmotion" IS NULL AND "analysisHash" > ${after}
      ORDER BY hash LIMIT ${BACKFILL_PAGE}`;
    if (hashes.length === 0) return filled;
    after = hashes[hashes.length - 1]!.hash;
    const latest = await prisma.$queryRaw<{ hash: string; scores: unknown }[]>`
      SELECT DISTINCT ON ("audioHash") "audioHash" AS hash, "utteranceScores" AS scores FROM "Analysis"
      WHERE "rangeKey" = '' AND "audioHash" IN (${Prisma.join(hashes.map((row) => row.hash))})
      ORDER BY "audioHash", "createdAt" DESC, id DESC`;
    const predictions = latest.flatMap((row) => {
      const label = utteranceModelLabel(typeof row.scores === "string" ? JSON.parse(row.scores) : row.scores);
      return label ? [{ hash: row.hash, emotion: label.emotion, confidence: label.confidence }] : [];
    });
    if (predictions.length > 0) await writePredictions(prisma, predictions);
    filled += predictions.length;
  }
}

async function writePredictions(prisma: Client, predictions: { hash: string; emotion: string | null; confidence: number | null }[]): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "Recording" r SET
      "modelEmotion" = v.emotion,
      "modelConfidence" = v.confidence,
      "labelStatus" = CASE
        WHEN r."labelStatus" NOT IN ('unlabelled', 'predicted') THEN r."labelStatus"
        WHEN v.emotion IS NULL THEN 'unlabelled' ELSE 'predicted' END
    FROM json_to_recordset(${JSON.stringify(predictions)}::json) AS v(hash text, emotion text, confidence float8)
    WHERE r."analysisHash" = v.hash`;
}

// ── Internals ────────────────────────────────────────────────────────────

/**
 * Plans one edit against the snapshot, writes it (version bump first), marks
 * undone edits discarded, and records the history row; the caller's
 * transaction makes it atomic. Returns the recording's new labelling state.
 */
async function commitEdit(
  tx: Prisma.TransactionClient,
  snapshot: LabelSnapshot & { authorName: string | null },
  edit: LabelEdit,
  authorId: string,
  modelLabel: AcceptedModelLabel | undefined,
): Promise<LabelSnapshot> {
  const { recordingId } = snapshot;
  const { plan, record } = planEdit(snapshot, edit, planContext(snapshot, authorId), modelLabel);
  await commitPlan(tx, snapshot, plan);
  if (snapshot.undone.length > 0) await tx.labelEdit.updateMany({ where: { recordingId, state: "undone" }, data: { state: "discarded" } });
  await tx.labelEdit.create({
    data: {
      id: record.id,
      recordingId,
      regionId: record.regionId,
      version: plan.next.version,
      kind: record.kind,
      source: record.source,
      authorId,
      before: jsonOrNull(record.before),
      after: jsonOrNull(record.after),
    },
    select: { id: true },
  });
  return plan.next;
}

function planContext(snapshot: LabelSnapshot & { authorName: string | null }, authorId: string): PlanContext {
  return { now: new Date(), author: { id: authorId, name: snapshot.authorName }, newId: randomUUID };
}

async function readCurrentSnapshot(tx: Client, recordingId: string, expectedVersion: number, authorId: string) {
  const snapshot = await readSnapshot(tx, recordingId, authorId);
  if (!snapshot) throw recordingNotFound(recordingId);
  if (snapshot.version !== expectedVersion) throw staleVersion(snapshot.originalName, snapshot.version, expectedVersion);
  return snapshot;
}

/** The version bump comes first: from here on the recording row is locked until COMMIT, so the writes below cannot interleave with another writer's. */
async function commitPlan(tx: Prisma.TransactionClient, snapshot: LabelSnapshot, plan: LabelEditPlan): Promise<void> {
  const { note, reviewedAt, labelStatus, humanEmotion } = plan.recording;
  const bumped = await tx.recording.updateMany({
    where: { id: snapshot.recordingId, version: snapshot.version },
    data: {
      version: { increment: 1 },
      labelStatus,
      humanEmotion,
      ...(note !== undefined ? { note } : {}),
      ...(reviewedAt !== undefined ? { reviewedAt } : {}),
    },
  });
  if (bumped.count === 0) throw staleVersion(snapshot.originalName, null, snapshot.version);
  for (const write of plan.writes) {
    switch (write.kind) {
      case "region.create":
        try {
          await tx.region.create({
            data: { id: write.id, recordingId: snapshot.recordingId, startSeconds: write.startSeconds, endSeconds: write.endSeconds },
            select: { id: true },
          });
        } catch (error) {
          if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
            throw new LabelEditError("REGION_INVALID", `Region id ${write.id} is already taken; create the region with a new id.`);
          }
          throw error;
        }
        break;
      case "region.update":
        await tx.region.updateMany({ where: { id: write.id, recordingId: snapshot.recordingId }, data: write.data });
        break;
      case "label.append":
        await tx.label.create({ data: { ...write.label, recordingId: snapshot.recordingId }, select: { id: true } });
        if (write.supersedes) await tx.label.updateMany({ where: { id: write.supersedes }, data: { supersededById: write.label.id } });
        break;
    }
  }
}

function recordingNotFound(recordingId: string): LabelEditError {
  return new LabelEditError("RECORDING_NOT_FOUND", `There is no recording with id ${recordingId}.`);
}

function staleVersion(name: string, current: number | null, expected: number): LabelEditError {
  const versions = current === null ? `version ${expected} was just replaced` : `version ${current}, the edit was based on ${expected}`;
  return new LabelEditError(
    "STALE_VERSION",
    `${name} was changed in another tab or by another person (${versions}); its labels were reloaded. Check them and make your change again.`,
  );
}

/**
 * The model's label for `label.accept-model`, read before the transaction:
 * frame scores come from a file, and holding the recording's lock while
 * reading megabytes would block other writers.
 */
async function readModelLabel(
  prisma: PrismaClient,
  store: AudioStore,
  recordingId: string,
  expectedVersion: number,
  edit: Extract<LabelEdit, { kind: "label.accept-model" }>,
): Promise<AcceptedModelLabel | undefined> {
  const snapshot = await readSnapshot(prisma, recordingId, null);
  if (!snapshot) throw recordingNotFound(recordingId);
  // Versions only grow: a newer one now fails the transaction's check anyway; saying so here skips reading frames.
  if (snapshot.version !== expectedVersion) throw staleVersion(snapshot.originalName, snapshot.version, expectedVersion);
  const region = edit.regionId === null ? null : snapshot.regions.find((candidate) => candidate.id === edit.regionId && !candidate.deleted);
  // An unknown region: the transaction's planning reports it.
  if (region === undefined || !snapshot.analysisHash) return undefined;
  const analysis = await prisma.analysis.findFirst({
    where: { audioHash: snapshot.analysisHash, rangeKey: "", ...(edit.modelKey ? { model: { modelKey: edit.modelKey } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { modelId: true, utteranceScores: true, frameRate: true, frameScoresHash: true, windowSettings: true, model: { select: { modelKey: true } } },
  });
  const byModel = edit.modelKey ? ` by ${edit.modelKey}` : "";
  if (!analysis) throw new LabelEditError("NO_MODEL_RESULT", `${snapshot.originalName} has no analysis${byModel} to take a label from; analyse it first.`);
  const model = { modelId: analysis.modelId, modelKey: analysis.model.modelKey };
  if (!region) {
    const label = utteranceModelLabel(analysis.utteranceScores);
    if (!label) throw new LabelEditError("NO_MODEL_RESULT", `${analysis.model.modelKey}'s result for ${snapshot.originalName} has no scores for the canonical labels.`);
    return { ...label, ...model };
  }
  if (!analysis.frameScoresHash || !analysis.frameRate) {
    throw new LabelEditError(
      "NO_MODEL_RESULT",
      `${analysis.model.modelKey}'s result for ${snapshot.originalName} has no frame scores (imported results have only whole-recording scores), so it gives no label for a region.`,
    );
  }
  const frames = await readFrameScores(store, analysis.frameScoresHash);
  const label = regionModelLabel(frames, { frameRate: analysis.frameRate, frameOffsetSeconds: frameOffsetOf({ frameRate: analysis.frameRate, windowSettings: analysis.windowSettings as JsonValue }) }, region);
  if (!label) throw new LabelEditError("NO_MODEL_RESULT", `${analysis.model.modelKey}'s frame scores for ${snapshot.originalName} are empty.`);
  return { ...label, ...model };
}

function jsonOrNull(values: Record<string, unknown> | null): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return values === null ? Prisma.DbNull : (values as Prisma.InputJsonValue);
}

// ── The snapshot query ───────────────────────────────────────────────────

/** Timestamps as toISOString() writes them (Prisma stores UTC in timestamp(3) columns). */
const ISO = Prisma.raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`);

/** Everything an edit and the editor's state need, in one statement. */
async function readSnapshot(client: Client, recordingId: string, authorId: string | null): Promise<(LabelSnapshot & { authorName: string | null }) | null> {
  const rows = await client.$queryRaw<unknown[]>`
    SELECT r.id::text AS id, r.version, r."durationSeconds", r."originalName", r.note,
      to_char(r."reviewedAt", ${ISO}) AS "reviewedAt", r."analysisHash",
      COALESCE((SELECT json_agg(json_build_object(
          'id', g.id, 'startSeconds', g."startSeconds", 'endSeconds', g."endSeconds", 'note', g.note, 'deleted', g."deletedAt" IS NOT NULL))
        FROM "Region" g WHERE g."recordingId" = r.id), '[]'::json) AS regions,
      COALESCE((SELECT json_agg(json_build_object(
          'id', l.id, 'regionId', l."regionId", 'emotion', l.emotion, 'source', l.source, 'confidence', l.confidence,
          'modelId', l."modelId", 'modelKey', m."modelKey", 'authorId', l."authorId", 'authorName', u."displayName",
          'createdAt', to_char(l."createdAt", ${ISO})))
        FROM "Label" l LEFT JOIN "User" u ON u.id = l."authorId" LEFT JOIN "Model" m ON m.id = l."modelId"
        WHERE l."recordingId" = r.id AND l."supersededById" IS NULL), '[]'::json) AS labels,
      (SELECT json_build_object('modelKey', m."modelKey", 'scores', a."utteranceScores")
        FROM "Analysis" a JOIN "Model" m ON m.id = a."modelId"
        WHERE a."audioHash" = r."analysisHash" AND a."rangeKey" = ''
        ORDER BY a."createdAt" DESC, a.id DESC LIMIT 1) AS prediction,
      COALESCE((SELECT json_agg(e ORDER BY e.version DESC) FROM (
          SELECT id, version, kind, "regionId", source, before, after FROM "LabelEdit"
          WHERE "recordingId" = r.id AND state = 'done' ORDER BY version DESC LIMIT 2) e), '[]'::json) AS done,
      COALESCE((SELECT json_agg(e ORDER BY e.version ASC) FROM (
          SELECT id, version, kind, "regionId", source, before, after FROM "LabelEdit"
          WHERE "recordingId" = r.id AND state = 'undone' ORDER BY version ASC LIMIT 2) e), '[]'::json) AS undone,
      (SELECT u."displayName" FROM "User" u WHERE u.id = ${authorId}::uuid) AS "authorName"
    FROM "Recording" r WHERE r.id = ${recordingId}::uuid`;
  if (rows.length === 0) return null;
  return snapshotFromRow(rows[0] as Record<string, unknown>);
}

/** A recording id matching an imported annotation file, among the readable workspaces' recordings (all when `readable` is undefined). */
export async function findRecordingForImport(
  prisma: PrismaClient,
  match: { id: string } | { nameStem: string },
  readable: readonly string[] | undefined,
): Promise<string[]> {
  const visible = readable ? { corpus: { workspaceId: { in: [...readable] } } } : {};
  if ("id" in match) return (await prisma.recording.findMany({ where: { id: match.id, ...visible }, select: { id: true }, take: 1 })).map((row) => row.id);
  return (await prisma.recording.findMany({ where: { originalName: { startsWith: `${match.nameStem}.` }, ...visible }, select: { id: true }, take: 2 })).map((row) => row.id);
}
