import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Database } from "../db/database";
import { applyEditsTogether, findRecordingForImport } from "../db/label.repository";
import { workspacesOfRecordings } from "../db/workspace-scope-more.repository";
import { authorize } from "../auth/authorize";
import { auditActorOf, workspaceFilter } from "../auth/workspace-checks";
import { type Actor, actorCan, refusalMessage } from "../domain/access/workspace-access";
import type { AuditEventInput } from "../domain/audit-event";
import { AppError } from "../domain/app-error";
import { AnnotationParseError } from "../domain/export/annotations/annotation-parse-error";
import { parseEaf } from "../domain/export/annotations/eaf-parser";
import { eafImportTiers, type ImportedInterval, type ImportTier, importIntervals, labelStudioImportTiers, textGridImportTiers } from "../domain/export/annotations/import-intervals";
import { parseLabelStudio } from "../domain/export/annotations/label-studio-parser";
import { parseTextGrid } from "../domain/export/annotations/textgrid-parser";
import type { LabelEdit } from "../domain/label-state";
import { errorResponse } from "../http/error-response";
import { LabelEditError } from "./label-edit-error";

/**
 * Labels from other tools back into the workbench: a Praat TextGrid or an
 * ELAN EAF for one recording, or a Label Studio JSON export for many. Each
 * labelled interval becomes a region with a human label (one history entry
 * each), all in one transaction; labels the file uses that are not emotions
 * we know are reported, not silently dropped.
 */

export const labelImportSchema = z
  .object({
    fileName: z.string().min(1).max(500),
    /** The file's text (the browser decodes it; UTF-16 TextGrids included). */
    content: z.string().max(50_000_000, { error: "the file is over 50 MB" }),
    /** For TextGrid and EAF: the recording the file annotates. Default: the one the file is named after. */
    recordingId: z.uuid({ error: "recordingId must be a recording's UUID" }).optional(),
    /** Tiers to read; default: those named "human…" (our exports), else every interval tier. For Label Studio: "annotation 1", "prediction 1", … */
    tiers: z.array(z.string().min(1).max(200)).max(50).optional(),
  })
  .strict();

export class LabelImportError extends AppError {
  override readonly name = "LabelImportError";
  constructor(
    readonly code: "IMPORT_FORMAT_UNKNOWN" | "IMPORT_RECORDING_UNKNOWN" | "IMPORT_NOTHING" | "IMPORT_FORBIDDEN",
    message: string,
  ) {
    super(message);
  }
}

export interface LabelImportResult {
  format: "textgrid" | "eaf" | "label-studio";
  recordings: number;
  regions: number;
  unknownLabels: string[];
  ignoredLabels: string[];
  /** Label Studio tasks whose recording could not be found. */
  unmatchedTasks: string[];
}

type Format = LabelImportResult["format"];

function formatOf(fileName: string, content: string): Format {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".textgrid")) return "textgrid";
  if (lower.endsWith(".eaf")) return "eaf";
  if (lower.endsWith(".json")) return "label-studio";
  const start = content.trimStart();
  if (start.startsWith('File type = "ooTextFile"')) return "textgrid";
  if (start.startsWith("<?xml") || start.startsWith("<ANNOTATION_DOCUMENT")) return "eaf";
  if (start.startsWith("[") || start.startsWith("{")) return "label-studio";
  throw new LabelImportError("IMPORT_FORMAT_UNKNOWN", `${fileName} is not a TextGrid, an EAF or a Label Studio JSON export`);
}

function defaultTiers(tiers: readonly ImportTier[]): string[] {
  const human = tiers.filter((tier) => tier.kind === "interval" && /^human( \d+)?$/.test(tier.name)).map((tier) => tier.name);
  return human.length ? human : tiers.filter((tier) => tier.kind === "interval").map((tier) => tier.name);
}

/** Who imports: the labels' author, and the workspaces whose recordings they may see (undefined: all). */
export interface LabelImportActor {
  actor: Actor;
  address: string;
  readable?: readonly string[];
}

async function findRecording(database: Database, fileName: string, explicit: string | undefined, readable: readonly string[] | undefined): Promise<string> {
  // Recordings of workspaces the importer cannot see are not there for them: unknown, never "forbidden".
  if (explicit) {
    const [found] = await findRecordingForImport(database.prisma, { id: explicit.toLowerCase() }, readable);
    if (!found) throw new LabelImportError("IMPORT_RECORDING_UNKNOWN", `There is no recording ${explicit} for ${fileName}.`);
    return found;
  }
  const stem = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  // Our exports name annotation files by the recording's id without dashes.
  if (/^[0-9a-f]{32}$/i.test(stem)) {
    const id = `${stem.slice(0, 8)}-${stem.slice(8, 12)}-${stem.slice(12, 16)}-${stem.slice(16, 20)}-${stem.slice(20)}`.toLowerCase();
    const [found] = await findRecordingForImport(database.prisma, { id }, readable);
    if (found) return found;
  }
  const byName = await findRecordingForImport(database.prisma, { nameStem: stem }, readable);
  if (byName.length === 1) return byName[0]!;
  throw new LabelImportError(
    "IMPORT_RECORDING_UNKNOWN",
    byName.length > 1
      ? `${fileName} matches several recordings named ${stem}.*: choose the recording to import into.`
      : `No recording matches ${fileName}: name the file after the recording, or choose the recording to import into.`,
  );
}

function regionEdits(recordingId: string, intervals: readonly ImportedInterval[]): { recordingId: string; edit: LabelEdit & { kind: "region.create" | "label.set" } }[] {
  return intervals.flatMap((interval) => {
    const regionId = randomUUID();
    return [
      { recordingId, edit: { kind: "region.create" as const, regionId, startSeconds: interval.start, endSeconds: interval.end } },
      { recordingId, edit: { kind: "label.set" as const, regionId, emotion: interval.label } },
    ];
  });
}

export async function importAnnotationFile(database: Database, request: z.infer<typeof labelImportSchema>, importer: LabelImportActor): Promise<LabelImportResult> {
  const format = formatOf(request.fileName, request.content);
  const unknown = new Set<string>();
  const ignored = new Set<string>();
  const edits: Parameters<typeof applyEditsTogether>[1]["edits"][number][] = [];
  /** Recording → regions imported into it. */
  const recordings = new Map<string, number>();
  const unmatchedTasks: string[] = [];
  let regions = 0;
  const collect = (recordingId: string, tiers: readonly ImportTier[]) => {
    const result = importIntervals(tiers, { fileName: request.fileName, tierNames: request.tiers ?? defaultTiers(tiers) });
    result.unknownLabels.forEach((label) => unknown.add(label));
    result.ignoredLabels.forEach((label) => ignored.add(label));
    if (result.intervals.length === 0) return;
    recordings.set(recordingId, (recordings.get(recordingId) ?? 0) + result.intervals.length);
    regions += result.intervals.length;
    edits.push(...regionEdits(recordingId, result.intervals));
  };
  if (format === "label-studio") {
    let json: unknown;
    try {
      json = JSON.parse(request.content);
    } catch (error) {
      throw new AnnotationParseError("LABEL_STUDIO_INVALID", `${request.fileName} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const task of parseLabelStudio(json, request.fileName).tasks) {
      // Our own Label Studio exports carry the recording id; other tasks are matched by their audio's file name.
      const recordingId = await findRecording(database, task.audio, task.recordingId ?? undefined, importer.readable).catch(() => null);
      if (!recordingId) {
        unmatchedTasks.push(task.audio);
        continue;
      }
      const tiers = labelStudioImportTiers(task);
      collect(recordingId, request.tiers ? tiers : tiers.filter((tier) => tier.name.startsWith("annotation")));
    }
  } else {
    const tiers = format === "textgrid" ? textGridImportTiers(parseTextGrid(request.content, request.fileName)) : eafImportTiers(parseEaf(request.content, request.fileName));
    collect(await findRecording(database, request.fileName, request.recordingId, importer.readable), tiers);
  }
  if (edits.length === 0) {
    throw new LabelImportError(
      "IMPORT_NOTHING",
      `${request.fileName} has no labelled interval to import` +
        (unknown.size ? `: its labels ${[...unknown].sort().join(", ")} are not emotions the workbench knows` : "") +
        (unmatchedTasks.length ? `; ${unmatchedTasks.length} tasks match no recording` : "") +
        ".",
    );
  }
  const audit = await importAudit(database, importer, recordings, format);
  await applyEditsTogether(database.prisma, { edits, authorId: importer.actor.userId, audit });
  return { format, recordings: recordings.size, regions, unknownLabels: [...unknown].sort(), ignoredLabels: [...ignored].sort(), unmatchedTasks };
}

/** The import must be allowed in every workspace it writes to; one label.import event per workspace, with its region count. */
async function importAudit(database: Database, importer: LabelImportActor, recordings: ReadonlyMap<string, number>, format: Format): Promise<AuditEventInput[]> {
  const workspaces = await workspacesOfRecordings(database.prisma, [...recordings.keys()]);
  const perWorkspace = new Map<string, number>();
  for (const [recordingId, regions] of recordings) {
    const workspaceId = workspaces.get(recordingId);
    if (workspaceId) perWorkspace.set(workspaceId, (perWorkspace.get(workspaceId) ?? 0) + regions);
  }
  const denied = [...perWorkspace.keys()].find((workspaceId) => !actorCan(importer.actor, "label", workspaceId));
  if (denied) throw new LabelImportError("IMPORT_FORBIDDEN", refusalMessage(importer.actor, "label", denied));
  return [...perWorkspace].map(([workspaceId, count]) => ({
    ...auditActorOf(importer.actor),
    action: "label.import",
    targetType: "recording",
    workspaceId,
    address: importer.address,
    details: { count, format },
  }));
}

// A request without headers (scripts, tests) is an anonymous one: the local researcher's while ACCOUNTS=off, refused with 401 otherwise.
const ANONYMOUS: Pick<Request, "headers"> = { headers: new Headers() };

/** POST /api/labels/import. */
export async function serveLabelImport(database: Database, body: unknown, request: Pick<Request, "headers"> = ANONYMOUS): Promise<Response> {
  const auth = await authorize(database, request, "label");
  if (!auth.ok) return auth.response;
  const parsed = labelImportSchema.safeParse(body);
  if (!parsed.success) {
    return errorResponse(400, `The label import is invalid. ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "request"}: ${issue.message}`).join("; ")}`, "LABEL_IMPORT_INVALID");
  }
  try {
    const readable = workspaceFilter(auth.actor);
    const result = await importAnnotationFile(database, parsed.data, { actor: auth.actor, address: auth.address, ...(readable ? { readable } : {}) });
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof LabelImportError) {
      return errorResponse(error.code === "IMPORT_RECORDING_UNKNOWN" ? 404 : error.code === "IMPORT_FORBIDDEN" ? 403 : 400, error.message, error.code);
    }
    if (error instanceof AnnotationParseError) return errorResponse(400, error.message, error.code);
    if (error instanceof LabelEditError) return errorResponse(409, error.message, error.code);
    throw error;
  }
}
