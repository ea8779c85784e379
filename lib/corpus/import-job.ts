import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Database } from "../db/database";
import {
  analysisHashesOf,
  createRecording,
  ensureCorpus,
  findRecordingIdsByContent,
  importOriginsOf,
  mergeRecordingMetadata,
} from "../db/corpus.repository";
import { isUniqueViolation } from "../db/database-errors";
import { workspaceIdNamed } from "../db/workspace-scope-more.repository";
import { AppError } from "../domain/app-error";
import type { JobContext, JobHandler } from "../jobs/job-worker";
import type { JobRecord, JsonValue } from "../jobs/job-types";
import type { AudioProcessor } from "./audio-processor";
import type { AudioStore } from "./audio-store";
import type { NewImportedAnalysis, RecordingSubject } from "./corpus-types";
import { IMPORT_JOB_KIND, importJobPayloadSchema, type ImportJobPayload } from "./import-job-payload";
import { ImportRequestError } from "./start-import";
import { type ImportPlan, type ImportTask, planImport } from "./import-plan";
import { countOutcomes, type ImportReport, type ImportReportEntry } from "./import-report";
import type { ManifestRow } from "./manifest-types";
import type { ProcessedAudioFile } from "./process-audio-file";
import { uploadFolders } from "./upload-folders";
import { describeWebUiFolder, type WebUiFolder } from "./webui-folder";
import { ensureWebUiModel, webUiAnalysis } from "./webui-model";

/**
 * The `import` job: plans the import, then takes the tasks one by one through
 * the audio worker and into the database. A bad file never stops it: the
 * failure goes into the report. After every file it saves a checkpoint, so a
 * restarted server resumes where it stopped instead of starting over.
 */

export interface ImportJobDependencies {
  database: Database;
  store: AudioStore;
  processor: AudioProcessor;
  importRoots: readonly string[];
  dataDir: string;
}

const checkpointSchema = z.object({
  nextTask: z.number().int().min(0),
  entries: z.array(z.custom<ImportReportEntry>()),
});
type ImportCheckpoint = z.infer<typeof checkpointSchema>;

/** Thrown when the job is cancelled; the worker records the cancellation. */
export class ImportCancelledError extends AppError {
  override readonly name = "ImportCancelledError";
  readonly code = "CANCELLED";
}

/**
 * An import job's report: its result once it succeeded, or what its checkpoint
 * holds of the files handled before it was cancelled or failed.
 */
export function importReportOf(job: JobRecord): ImportReport | null {
  if (job.kind !== IMPORT_JOB_KIND) return null;
  if (job.status === "succeeded" && job.result !== null) return job.result as unknown as ImportReport;
  const saved = checkpointSchema.safeParse(job.checkpoint);
  if (!saved.success) return null;
  const payload = importJobPayloadSchema.safeParse(job.payload);
  return { corpusName: payload.success ? payload.data.corpusName : "", counts: countOutcomes(saved.data.entries), entries: saved.data.entries };
}

export function createImportJobHandler(dependencies: ImportJobDependencies): JobHandler {
  return async (context) => runImport(dependencies, importJobPayloadSchema.parse(context.job.payload), context);
}

async function runImport(dependencies: ImportJobDependencies, payload: ImportJobPayload, context: JobContext): Promise<JsonValue> {
  const { database } = dependencies;
  const plan = await planFor(dependencies, payload, context.signal);
  const workspaceId = payload.workspace === undefined ? undefined : await workspaceIdNamed(database.prisma, payload.workspace);
  // Checked when the import was requested; a workspace renamed or removed since is named as missing.
  if (workspaceId === null) throw new ImportRequestError(`There is no workspace "${payload.workspace}" to create corpus "${payload.corpusName}" in.`);
  const corpus = await ensureCorpus(database.prisma, payload.corpusName, workspaceId);
  const saved = checkpointSchema.safeParse(context.job.checkpoint);
  const checkpoint: ImportCheckpoint = saved.success ? saved.data : { nextTask: 0, entries: [...plan.problems] };

  const totalBytes = plan.tasks.reduce((sum, task) => sum + task.sizeBytes, 0);
  let bytesDone = plan.tasks.slice(0, checkpoint.nextTask).reduce((sum, task) => sum + task.sizeBytes, 0);
  const webUiModelId = plan.tasks.some((task) => task.kind === "webui") ? await ensureWebUiModel(database) : undefined;

  for (let index = checkpoint.nextTask; index < plan.tasks.length; index++) {
    const task = plan.tasks[index]!;
    if (context.signal.aborted) throw new ImportCancelledError("The import was cancelled.");
    context.reportProgress({
      done: index,
      total: plan.tasks.length,
      unit: "files",
      message: task.relativePath,
      bytesDone,
      bytesTotal: totalBytes,
    });
    const entry = await importTask({ dependencies, roots: plan.roots, payload, corpusId: corpus.id, task, webUiModelId, context });
    if (context.signal.aborted) throw new ImportCancelledError("The import was cancelled.");
    checkpoint.entries.push(entry);
    checkpoint.nextTask = index + 1;
    bytesDone += task.sizeBytes;
    await context.saveCheckpoint(checkpoint as unknown as JsonValue);
  }
  context.reportProgress({
    done: plan.tasks.length,
    total: plan.tasks.length,
    unit: "files",
    bytesDone: totalBytes,
    bytesTotal: totalBytes,
  });
  if (payload.source.kind === "upload") {
    // Every uploaded file is now either in the store or in the report: the upload folder has served its purpose.
    await rm(uploadFolders(dependencies.dataDir, payload.source.uploadId).root, { recursive: true, force: true });
  }
  const report: ImportReport = {
    corpusName: corpus.name,
    counts: countOutcomes(checkpoint.entries),
    entries: checkpoint.entries,
    ...(plan.manifest
      ? {
          manifest: {
            fileName: plan.manifest.fileName,
            columns: plan.manifest.columns.map((column) => ({ name: column.header, role: column.role, ...(column.type ? { type: column.type } : {}) })),
          },
        }
      : {}),
  };
  return report as unknown as JsonValue;
}

async function planFor(dependencies: ImportJobDependencies, payload: ImportJobPayload, signal: AbortSignal): Promise<ImportPlan> {
  if (payload.source.kind === "path") {
    return planImport({
      sourcePath: payload.source.path,
      roots: dependencies.importRoots,
      manifestPath: payload.manifestPath,
      manifestComplete: payload.manifestComplete,
      signal,
    });
  }
  // An upload is its own root: its files and manifest can only come from it.
  const upload = uploadFolders(dependencies.dataDir, payload.source.uploadId);
  const plan = await planImport({
    sourcePath: upload.files,
    roots: [upload.files],
    manifestPath: payload.manifestPath,
    manifestComplete: payload.manifestComplete,
    signal,
  });
  const rejected = await readFile(upload.rejectedList, "utf8").then(
    (text) => z.array(z.object({ path: z.string(), reason: z.string(), code: z.string() })).parse(JSON.parse(text)),
    () => [],
  );
  for (const file of rejected) plan.problems.push({ path: file.path, outcome: "failed", code: file.code, reason: file.reason });
  return plan;
}

/** For files without an audio extension, these mean "some other kind of file", not a broken recording. */
const NOT_AUDIO_CODES = new Set(["AUDIO_NOT_AUDIO", "AUDIO_EMPTY"]);

interface TaskContext {
  dependencies: ImportJobDependencies;
  /** The roots this import is confined to (an upload's own folder for uploads). */
  roots: readonly string[];
  payload: ImportJobPayload;
  corpusId: string;
  task: ImportTask;
  webUiModelId: string | undefined;
  context: JobContext;
}

async function importTask(task: TaskContext): Promise<ImportReportEntry> {
  const { relativePath } = task.task;
  try {
    if (task.task.kind === "audio") return await importAudio(task, task.task.absolutePath, undefined);
    const folder = await describeWebUiFolder(task.task.folder, { roots: task.roots });
    return await importAudio(task, folder.audioPath, folder);
  } catch (error) {
    if (task.context.signal.aborted) throw new ImportCancelledError("The import was cancelled.");
    const code = error instanceof AppError ? error.code : "IMPORT_FILE_FAILED";
    const message = error instanceof Error ? error.message : String(error);
    if (task.task.kind === "audio" && task.task.sniffOnly && NOT_AUDIO_CODES.has(code)) {
      return { path: relativePath, outcome: "skipped", code, reason: "not an audio file" };
    }
    return { path: relativePath, outcome: "failed", code, reason: message };
  }
}

async function importAudio(task: TaskContext, filePath: string, webui: WebUiFolder | undefined): Promise<ImportReportEntry> {
  const { dependencies, payload, corpusId, context } = task;
  const { prisma } = dependencies.database;
  const { relativePath, row } = task.task;
  const subject = subjectOf(row);
  const metadata = metadataOf(task.task, row, webui, context.job.id);
  const analysis = webui && task.webUiModelId ? webUiAnalysis(webui, task.webUiModelId) : undefined;

  const { sha256 } = await dependencies.processor.hash(filePath, relativePath, context.signal);
  const existing = await findRecordingIdsByContent(prisma, corpusId, sha256);
  if (existing.length > 0) return mergeDuplicate(task, sha256, metadata, subject, analysis);

  const channelMode = row?.channelMode ?? payload.channelMode;
  const processed = await dependencies.processor.process({ filePath, displayName: relativePath, channelMode }, context.signal);
  if (processed.contentHash !== sha256) {
    // The file changed between hashing and processing; the stored copy is what counts.
    const again = await findRecordingIdsByContent(prisma, corpusId, processed.contentHash);
    if (again.length > 0) return mergeDuplicate(task, processed.contentHash, metadata, subject, analysis);
  }
  try {
    const ids = await createRecording(
      prisma,
      {
        corpusId,
        contentHash: processed.contentHash,
        originalName: path.posix.basename(relativePath),
        format: `${processed.container}/${processed.codec}`,
        sampleRate: processed.sampleRate,
        channels: processed.channels,
        sizeBytes: processed.sizeBytes,
        tracks: processed.tracks.map((track) => ({
          ...track,
          ...(track.trackIndex >= 0 && row?.channelRoles?.[track.trackIndex] ? { role: row.channelRoles[track.trackIndex] } : {}),
        })),
        metadata: { ...metadata, ...(processed.truncation ? { truncation: processed.truncation.detail } : {}) },
        subject,
      },
      analysis,
    );
    return importedEntry(relativePath, ids, processed, webui);
  } catch (error) {
    // Another import stored the same content a moment ago.
    if (isUniqueViolation(error)) return mergeDuplicate(task, processed.contentHash, metadata, subject, analysis);
    throw error;
  }
}

async function mergeDuplicate(
  task: TaskContext,
  contentHash: string,
  metadata: { [key: string]: JsonValue },
  subject: RecordingSubject | undefined,
  analysis: NewImportedAnalysis | undefined,
): Promise<ImportReportEntry> {
  const { prisma } = task.dependencies.database;
  // Where and by which job the recording was first imported stays as it was.
  const { importedByJob, importedFrom, ...mergeable } = metadata;
  void importedByJob;
  void importedFrom;
  const existing = await findRecordingIdsByContent(prisma, task.corpusId, contentHash);
  // The same file this very job stored before a crash, met again on resume, is not a duplicate.
  const ours = (await importOriginsOf(prisma, existing)).some(
    (origin) => origin.jobId === task.context.job.id && origin.relativePath === task.task.relativePath,
  );
  const analysisHashes = analysis ? await analysisHashesOf(prisma, task.corpusId, contentHash) : [];
  const ids = await mergeRecordingMetadata(
    prisma,
    task.corpusId,
    contentHash,
    mergeable,
    subject,
    analysis ? { analysisHashes, value: analysis } : undefined,
  );
  return ours
    ? { path: task.task.relativePath, outcome: "imported", recordingIds: ids }
    : {
        path: task.task.relativePath,
        outcome: "duplicate",
        code: "DUPLICATE_CONTENT",
        reason: "The same audio is already in this corpus; its metadata was merged into the existing recording.",
        recordingIds: ids,
      };
}

function importedEntry(
  relativePath: string,
  ids: string[],
  processed: ProcessedAudioFile,
  webui: WebUiFolder | undefined,
): ImportReportEntry {
  const warnings: string[] = [];
  if (processed.truncation) warnings.push(`truncated: ${processed.truncation.detail}; the audio up to there was imported`);
  for (const track of processed.tracks) {
    const label = track.trackIndex < 0 ? "" : `channel ${track.trackIndex + 1}: `;
    for (const flag of track.qualityFlags) warnings.push(`${label}${flag}`);
  }
  for (const warning of webui?.result.warnings ?? []) warnings.push(warning);
  const durationSeconds = processed.tracks[0]?.durationSeconds;
  return {
    path: relativePath,
    outcome: warnings.length > 0 ? "imported-with-warnings" : "imported",
    ...(processed.truncation ? { code: "AUDIO_TRUNCATED" } : warnings.length > 0 ? { code: "QUALITY_WARNING" } : {}),
    ...(warnings.length > 0 ? { reason: warnings.join("; ") } : {}),
    recordingIds: ids,
    ...(durationSeconds === undefined ? {} : { durationSeconds }),
  };
}

function subjectOf(row: ManifestRow | undefined): RecordingSubject | undefined {
  if (!row) return undefined;
  return { patientCode: row.patientCode, cohorts: row.cohorts, sessionCode: row.sessionCode, sessionDate: row.sessionDate };
}

function metadataOf(
  task: ImportTask,
  row: ManifestRow | undefined,
  webui: WebUiFolder | undefined,
  jobId: string,
): { [key: string]: JsonValue } {
  return {
    ...(row?.metadata ?? {}),
    importedFrom: task.relativePath,
    importedByJob: jobId,
    ...(webui ? { source: "emotion2vec+ WebUI", webuiFolder: webui.folderName, webuiStartedAt: webui.startedAt } : {}),
  };
}
