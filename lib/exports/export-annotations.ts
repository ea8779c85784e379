import type { AudioStore } from "../corpus/audio-store";
import type { ExportSourceRecording } from "../db/export.repository";
import type { ModelIdentityRow } from "../db/projection.repository";
import { type CanonicalLabel, isCanonicalLabel } from "../domain/emotion-labels";
import { audacityLabels } from "../domain/export/annotations/audacity-labels-writer";
import { eaf } from "../domain/export/annotations/eaf-writer";
import { labelStudioConfig, labelStudioTasks, type LabelStudioExportItem } from "../domain/export/annotations/label-studio-writer";
import { rttm } from "../domain/export/annotations/rttm-writer";
import { textGrid } from "../domain/export/annotations/textgrid-writer";
import type { ExportDefinition, ExportFormat } from "../domain/export/export-definition";
import { exportItemId } from "../domain/export/export-item-id";
import type { LabelledInterval, RecordingAnnotations } from "../domain/export/export-item";
import type { LabelMapper } from "../domain/export/label-mapping";
import { modelLabelRuns } from "../domain/export/model-label-runs";
import { frameCurvesCsvChunks } from "../domain/export/formats/frame-curves-csv";
import { readFrameScores } from "../inference/frame-scores-file";
import { frameOffsetOf } from "../inference/serve-analyses";
import { CANONICAL_LABELS } from "../domain/emotion-labels";
import { createHashedFileWriter, writeHashedFile, type WrittenFile } from "./hashed-file-writer";

/**
 * The per-recording files of an export: the model's frame curves as CSV and
 * the annotation-tool files (Praat TextGrid, ELAN EAF, RTTM, Audacity label
 * tracks), named by the recording's id, plus one Label Studio task file for
 * all recordings at the end. Labels go through the export's mapping, so the
 * tiers use the same names as the manifests. Files point at the recording's
 * original file name: annotation tools open them beside the original audio.
 */

const PER_RECORDING_FORMATS: readonly ExportFormat[] = ["curves-csv", "textgrid", "eaf", "rttm", "audacity", "label-studio"];

export interface AnnotationFileWriter {
  addRecording(recording: ExportSourceRecording): Promise<WrittenFile[]>;
  finish(): Promise<WrittenFile[]>;
}

export function createAnnotationFileWriter(root: string, store: AudioStore, definition: ExportDefinition, mapper: LabelMapper, model: ModelIdentityRow | null): AnnotationFileWriter {
  const formats = new Set(definition.formats.filter((format) => PER_RECORDING_FORMATS.includes(format)));
  const labelStudio: LabelStudioExportItem[] = [];
  const map = (label: string): string | null => (isCanonicalLabel(label) ? mapper.map(label) : null);

  return {
    async addRecording(recording) {
      if (formats.size === 0) return [];
      const id = exportItemId(recording.recordingId, null);
      const frames = await readModelFrames(store, recording);
      const written: WrittenFile[] = [];
      if (formats.has("curves-csv") && frames) {
        const writer = await createHashedFileWriter(root, `curves/${id}.csv`);
        for (const chunk of frameCurvesCsvChunks(frames.scores, frames.frameRate, frames.frameOffsetSeconds, CANONICAL_LABELS)) await writer.write(chunk);
        written.push(await writer.close());
      }
      const annotations: RecordingAnnotations = {
        recordingId: recording.recordingId,
        recordingName: recording.name,
        durationSeconds: recording.durationSeconds,
        human: humanIntervals(recording, map),
        model: frames ? modelLabelRuns(frames.scores, frames, recording.durationSeconds, (label: CanonicalLabel) => mapper.map(label)) : [],
        modelName: frames && model ? `${model.name} ${model.version}` : null,
      };
      if (formats.has("textgrid")) written.push(await writeHashedFile(root, `annotations/${id}.TextGrid`, textGrid(annotations)));
      if (formats.has("eaf")) written.push(await writeHashedFile(root, `annotations/${id}.eaf`, eaf(annotations, mapper.targetLabels, { audioFileName: recording.name })));
      if (formats.has("rttm")) {
        written.push(await writeHashedFile(root, `annotations/${id}.human.rttm`, rttm(annotations, "human")));
        if (frames) written.push(await writeHashedFile(root, `annotations/${id}.model.rttm`, rttm(annotations, "model")));
      }
      if (formats.has("audacity")) {
        written.push(await writeHashedFile(root, `annotations/${id}.human.txt`, audacityLabels(annotations.human)));
        if (frames) written.push(await writeHashedFile(root, `annotations/${id}.model.txt`, audacityLabels(annotations.model)));
      }
      if (formats.has("label-studio")) labelStudio.push({ annotations, audioUrl: recording.name });
      return written;
    },
    async finish() {
      if (!formats.has("label-studio")) return [];
      return [
        await writeHashedFile(root, "label-studio/tasks.json", labelStudioTasks(labelStudio)),
        await writeHashedFile(root, "label-studio/config.xml", labelStudioConfig(mapper.targetLabels)),
      ];
    },
  };
}

/** Human labels as a tier: labelled regions, or the whole recording when only it is labelled. */
function humanIntervals(recording: ExportSourceRecording, map: (label: string) => string | null): LabelledInterval[] {
  const regions = recording.regions.flatMap((region) => {
    const label = region.humanLabel ? map(region.humanLabel) : null;
    return label ? [{ start: region.startSeconds, end: Math.min(region.endSeconds, recording.durationSeconds), label }] : [];
  });
  if (regions.length > 0) return regions;
  const whole = recording.humanLabel ? map(recording.humanLabel) : null;
  return whole ? [{ start: 0, end: recording.durationSeconds, label: whole }] : [];
}

async function readModelFrames(store: AudioStore, recording: ExportSourceRecording) {
  const result = recording.model;
  if (!result?.frameScoresHash || !result.frameRate) return null;
  const scores = await readFrameScores(store, result.frameScoresHash);
  return { scores, frameRate: result.frameRate, frameOffsetSeconds: frameOffsetOf({ windowSettings: result.windowSettings as never, frameRate: result.frameRate }) };
}
