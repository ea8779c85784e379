import type { LabelledInterval, RecordingAnnotations } from "../export-item";
import { AnnotationExportError } from "./annotation-export-error";
import { checkedDuration, checkedIntervals, hasModelResult } from "./interval-layers";
import { xmlEscape } from "./xml-text";

const MICROSECONDS = 1e6;

/** The names tying results to the labelling config: `from_name` is the Labels tag, `to_name` the Audio tag. */
export const LABEL_STUDIO_FROM_NAME = "emotion";
export const LABEL_STUDIO_TO_NAME = "audio";
/** The task data field holding the audio URL (`$audio` in the config). */
export const LABEL_STUDIO_AUDIO_KEY = "audio";

export interface LabelStudioExportItem {
  readonly annotations: RecordingAnnotations;
  /** Where Label Studio will fetch the audio: a URL, or a path under its local-files storage. */
  readonly audioUrl: string;
}

/**
 * Recordings as Label Studio tasks, in the JSON that Label Studio both
 * imports and exports: per task `data.audio` (and `data.recording_id`, so
 * our importer can match a task back to its recording), the human labels as
 * one annotation and the model's labels as one prediction (pre-annotation)
 * with `model_version`. Each region is a result of type "labels" with
 * `value: { start, end, channel, labels }` in seconds, as Label Studio's
 * audio regions are. A task without human labels has no annotation (an
 * empty one would count as done); one without a model result has no
 * prediction. Region ids are "human-N" / "model-N": stable, unique per task.
 */
export function labelStudioTasks(items: readonly LabelStudioExportItem[]): string {
  const tasks = items.map(({ annotations, audioUrl }) => {
    if (audioUrl.trim() === "") throw new AnnotationExportError(`cannot write the Label Studio task of ${annotations.recordingName}: its audio URL is empty`);
    const duration = checkedDuration(annotations, MICROSECONDS);
    const results = (prefix: string, intervals: readonly LabelledInterval[]) =>
      intervals.map((interval, index) => ({
        id: `${prefix}-${index + 1}`,
        from_name: LABEL_STUDIO_FROM_NAME,
        to_name: LABEL_STUDIO_TO_NAME,
        type: "labels",
        original_length: duration,
        value: { start: interval.start, end: interval.end, channel: 0, labels: [interval.label] },
      }));
    const human = checkedIntervals(annotations, "human", MICROSECONDS);
    return {
      data: { [LABEL_STUDIO_AUDIO_KEY]: audioUrl, recording_id: annotations.recordingId },
      ...(human.length > 0 ? { annotations: [{ result: results("human", human) }] } : {}),
      ...(hasModelResult(annotations)
        ? { predictions: [{ model_version: annotations.modelName ?? "model", result: results("model", checkedIntervals(annotations, "model", MICROSECONDS)) }] }
        : {}),
    };
  });
  return `${JSON.stringify(tasks, null, 2)}\n`;
}

/**
 * The labelling config for those tasks: a Labels tag ("emotion") with one
 * Label per label, on an Audio tag ("audio", value "$audio"). Audio, not
 * AudioPlus: Label Studio merged AudioPlus's regions into Audio and
 * deprecated it.
 */
export function labelStudioConfig(labels: readonly string[]): string {
  const unique = [...new Set(labels)];
  if (unique.length === 0 || unique.some((label) => label.trim() === "")) {
    throw new AnnotationExportError("cannot write the Label Studio config: the label set is empty or has an empty label");
  }
  return [
    "<View>",
    `  <Labels name="${LABEL_STUDIO_FROM_NAME}" toName="${LABEL_STUDIO_TO_NAME}">`,
    ...unique.map((label) => `    <Label value="${xmlEscape(label, `label "${label}"`)}"/>`),
    "  </Labels>",
    `  <Audio name="${LABEL_STUDIO_TO_NAME}" value="$${LABEL_STUDIO_AUDIO_KEY}"/>`,
    "</View>",
    "",
  ].join("\n");
}
