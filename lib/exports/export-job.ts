import { createHash } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { AudioStore } from "../corpus/audio-store";
import type { Database } from "../db/database";
import { failExport, finishExport, markExportRunning, readExportRecord, readExportSources, regionRangeKey } from "../db/export.repository";
import { findProjectionModel } from "../db/projection.repository";
import { agreementSummary } from "../domain/agreement/agreement-summary";
import { CANONICAL_LABELS } from "../domain/emotion-labels";
import { datasheetAgreement } from "../domain/export/datasheet-agreement";
import { chatInstructionFor, definitionHashInput, definitionUsesModel, type ExportDefinition, exportDefinitionSchema } from "../domain/export/export-definition";
import { exportDatasheet } from "../domain/export/export-datasheet";
import { EXPORT_SPLITS, type ExportItem, type ExportSplit } from "../domain/export/export-item";
import { createLabelMapper } from "../domain/export/label-mapping";
import { assignSplits } from "../domain/export/split-assignment";
import { splitReport, splitReportToCsv } from "../domain/export/split-report";
import type { JobHandler } from "../jobs/job-worker";
import type { JsonValue } from "../jobs/job-types";
import { createAnnotationFileWriter } from "./export-annotations";
import { exportArchivePath, exportFolder } from "./export-paths";
import { createItemFileWriters } from "./export-writers";
import { createHashedFileWriter, writeHashedFile, type WrittenFile } from "./hashed-file-writer";
import { candidatesOf, itemOf, type SkipReason, splitGroupOf } from "./plan-export-items";
import { type ClipSource, EXPORT_SAMPLE_RATE, openClipSource } from "./write-clip";
import { writeZipArchive } from "./write-zip-archive";
import { agreementItemsOfRecordings } from "../db/annotation.repository";

/**
 * The `export` job: a definition in, an immutable snapshot out. Two passes
 * over the selection (the first collects labels and patients for the
 * patient-disjoint split, the second writes), one item at a time, so memory
 * stays flat for 100,000 items. Everything is written under a partial folder
 * and renamed into place at the end, then the row is marked succeeded: a
 * failure or cancel removes the partial files and marks the export failed,
 * and a finished snapshot is never written again.
 */

export const exportJobPayloadSchema = z.object({ exportId: z.uuid() }).strict();

export interface ExportJobDependencies {
  database: Database;
  store: AudioStore;
  dataDir: string;
}

export class ExportCancelledError extends Error {
  override readonly name = "ExportCancelledError";
}

export function createExportJobHandler(dependencies: ExportJobDependencies): JobHandler {
  return async (context) => {
    const { exportId } = exportJobPayloadSchema.parse(context.job.payload);
    const record = await readExportRecord(dependencies.database.prisma, exportId);
    const definition = exportDefinitionSchema.parse(record.definition);
    try {
      await markExportRunning(dependencies.database.prisma, exportId);
      const outcome = await runExport(dependencies, definition, {
        folder: exportFolder(dependencies.dataDir, exportId),
        archivePath: exportArchivePath(dependencies.dataDir, exportId),
        signal: context.signal,
        onProgress: (progress) => context.reportProgress(progress),
      });
      await finishExport(dependencies.database.prisma, exportId, { counts: outcome.counts, files: outcome.files as unknown as JsonValue, manifestHash: outcome.manifestHash });
      return { exportId, items: outcome.items, bytes: outcome.bytes, manifestHash: outcome.manifestHash };
    } catch (error) {
      const message = context.signal.aborted ? "The export was cancelled; its partial files were removed." : error instanceof Error ? error.message : String(error);
      await failExport(dependencies.database.prisma, exportId, message);
      throw error;
    }
  };
}

export interface ExportOutcome {
  items: number;
  bytes: number;
  manifestHash: string;
  counts: JsonValue;
  files: { path: string; bytes: number; sha256: string }[];
}

interface RunOptions {
  /** Where the finished snapshot goes; must not exist yet. */
  folder: string;
  /** The snapshot as one stored zip; null to skip it (the CLI writes only the folder). */
  archivePath: string | null;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number; unit: string; message?: string; bytesDone?: number }) => void;
}

/** Writes one export snapshot of `definition` into `options.folder` (and its archive). Used by the job and by `npm run export`. */
export async function runExport(dependencies: ExportJobDependencies, definition: ExportDefinition, options: RunOptions): Promise<ExportOutcome> {
  const { database, store } = dependencies;
  const { signal } = options;
  const checkCancel = () => {
    if (signal?.aborted) throw new ExportCancelledError("The export was cancelled.");
  };
  const model = definition.modelId && definitionUsesModel(definition) ? await findProjectionModel(database.prisma, definition.modelId) : null;
  const modelId = model?.id ?? null;
  const mapper = createLabelMapper(definition.mapping);
  const partial = `${options.folder}.partial`;
  await mkdir(path.dirname(options.folder), { recursive: true });
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });

  try {
    // Pass 1: labels and patients of every item, for the split.
    const skipped = new Map<SkipReason, number>();
    const planned: { key: string; group: string; label: string }[] = [];
    let embeddingDims = 0;
    let embeddingRows = 0;
    for await (const batch of readExportSources(database.prisma, definition.selection, modelId)) {
      checkCancel();
      for (const recording of batch) {
        for (const candidate of candidatesOf(recording, definition, mapper, regionRangeKey, skipped)) {
          planned.push({ key: candidate.key, group: splitGroupOf(candidate), label: candidate.label });
          const embedding = candidate.model?.embedding;
          if (embedding) {
            if (embeddingDims && embedding.length !== embeddingDims) {
              throw new Error(`The model's embeddings have different sizes (${embeddingDims} and ${embedding.length}); re-analyse the selection with one model version.`);
            }
            embeddingDims = embedding.length;
            embeddingRows += 1;
          }
        }
      }
      options.onProgress?.({ done: 0, total: 1, unit: "items", message: `Reading labels (${planned.length.toLocaleString("en-US")} items so far)` });
    }
    if (planned.length === 0) {
      const reasons = [...skipped.entries()].map(([reason, count]) => `${count} ${reason}`).join(", ");
      throw new Error(`Nothing to export: no item of the selection has a label under this policy${reasons ? ` (${reasons})` : ""}.`);
    }
    const splits = assignSplits(planned, { ratios: definition.splits, seed: definition.splits.seed, stratify: definition.splits.stratify });
    const total = planned.length;

    // Pass 2: the files, item by item in selection order.
    const writers = createItemFileWriters(partial, definition, {
      labels: mapper.targetLabels,
      chatInstruction: chatInstructionFor(definition),
      embeddingRows: definition.formats.includes("embeddings-npy") ? embeddingRows : 0,
      embeddingDims,
    });
    const annotationFiles = createAnnotationFileWriter(partial, store, definition, mapper, model);
    const written: WrittenFile[] = [];
    const reportItems: Pick<ExportItem, "recordingId" | "label" | "labelSource" | "split" | "patient">[] = [];
    const annotators = new Set<string>();
    const corpora = new Map<string, number>();
    let done = 0;
    let bytes = 0;
    try {
      for await (const batch of readExportSources(database.prisma, definition.selection, modelId)) {
        for (const recording of batch) {
          const candidates = candidatesOf(recording, definition, mapper, regionRangeKey, new Map());
          if (candidates.length === 0) continue;
          corpora.set(recording.corpusName, (corpora.get(recording.corpusName) ?? 0) + 1);
          const audio = await openClipSource(store.analysisPath(recording.analysisHash!));
          try {
            for (const candidate of candidates) {
              checkCancel();
              const split = splits.get(candidate.key) as ExportSplit;
              const item = itemOf(candidate, split, definition.includeModelScores, EXPORT_SAMPLE_RATE);
              const clip = await writeItemClip(partial, audio, item);
              written.push(clip);
              bytes += clip.bytes;
              await writers.add(item, definition.formats.includes("embeddings-npy") ? (candidate.model?.embedding ?? null) : null);
              reportItems.push({ recordingId: item.recordingId, label: item.label, labelSource: item.labelSource, split: item.split, patient: item.patient });
              if (candidate.authorId) annotators.add(candidate.authorId);
              done += 1;
              if (done % 50 === 0 || done === total) options.onProgress?.({ done, total, unit: "items", bytesDone: bytes });
            }
          } finally {
            await audio.close();
          }
          written.push(...(await annotationFiles.addRecording(recording)));
        }
      }
      written.push(...(await writers.close()));
    } catch (error) {
      await writers.abandon();
      throw error;
    }
    written.push(...(await annotationFiles.finish()));
    checkCancel();

    const report = splitReport(reportItems, mapper.targetLabels);
    written.push(await writeHashedFile(partial, "split-report.csv", splitReportToCsv(report)));
    const dataFiles = [...written].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const readme = await writeHashedFile(
      partial,
      "README.md",
      exportDatasheet({
        definition,
        corpora: [...corpora.entries()].map(([name, recordings]) => ({ name, recordings })),
        models: model ? [{ name: model.name, version: model.version, fileHash: model.fileHash, modelKey: model.modelKey }] : [],
        report,
        annotators: annotators.size,
        agreement: datasheetAgreement(agreementSummary(await agreementItemsOfRecordings(database.prisma, [...new Set(reportItems.map((item) => item.recordingId))]), CANONICAL_LABELS)),
        files: dataFiles.map(({ path: filePath, bytes: size, sha256 }) => ({ path: filePath, bytes: size, sha256 })),
      }),
    );
    const counts = countsOf(report, skipped);
    const listed = [...dataFiles, readme].map(({ path: filePath, bytes: size, sha256 }) => ({ path: filePath, bytes: size, sha256 }));
    const manifest = await writeHashedFile(
      partial,
      "manifest.json",
      `${JSON.stringify(
        {
          format: "resonance-export/1",
          definitionSha256: createHash("sha256").update(definitionHashInput(definition)).digest("hex"),
          definition,
          counts,
          files: listed,
        },
        null,
        2,
      )}\n`,
    );
    const files = [...dataFiles, readme, manifest];
    checkCancel();
    if (options.archivePath) {
      options.onProgress?.({ done: total, total, unit: "items", message: "Writing the archive", bytesDone: bytes });
      await writeZipArchive(
        `${options.archivePath}`,
        files.map((file) => ({ name: file.path, filePath: file.filePath, size: file.bytes, crc32: file.crc32 })),
        signal ? { signal } : {},
      );
    }
    await rename(partial, options.folder);
    return {
      items: total,
      bytes: files.reduce((sum, file) => sum + file.bytes, 0),
      manifestHash: manifest.sha256,
      counts,
      files: [...listed, { path: "manifest.json", bytes: manifest.bytes, sha256: manifest.sha256 }],
    };
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    if (options.archivePath) await rm(options.archivePath, { force: true });
    throw error;
  }
}

async function writeItemClip(root: string, audio: ClipSource, item: ExportItem): Promise<WrittenFile> {
  const writer = await createHashedFileWriter(root, item.audioPath);
  try {
    await audio.writeClip(writer, item.offsetSeconds, item.durationSeconds);
    return await writer.close();
  } catch (error) {
    await writer.abandon();
    throw error;
  }
}

function countsOf(report: ReturnType<typeof splitReport>, skipped: ReadonlyMap<SkipReason, number>): JsonValue {
  return {
    items: report.totals.items,
    patients: report.totals.patients,
    recordings: report.totals.recordings,
    labelSources: { ...report.labelSources },
    splits: Object.fromEntries(EXPORT_SPLITS.map((split) => [split, { items: report.splits[split].items, patients: report.splits[split].patients, perLabel: { ...report.splits[split].perLabel } }])),
    skipped: Object.fromEntries([...skipped.entries()].sort(([a], [b]) => a.localeCompare(b))),
  };
}
