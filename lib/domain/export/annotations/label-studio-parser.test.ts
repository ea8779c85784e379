import { describe, expect, it } from "vitest";
import { AnnotationParseError } from "./annotation-parse-error";
import { parseLabelStudio } from "./label-studio-parser";

/** A task as Label Studio 1.x exports it ("JSON"): annotation metadata, a choices result beside the regions, a cancelled annotation. */
const EXPORTED_TASK = {
  id: 17,
  data: { audio: "/data/upload/3/interview-03.wav", recording_id: "rec-3" },
  annotations: [
    {
      id: 41,
      completed_by: 2,
      result: [
        { original_length: 35, value: { start: 1.5, end: 4.25, channel: 0, labels: ["Angry"] }, id: "wUq1x", from_name: "emotion", to_name: "audio", type: "labels", origin: "manual" },
        { value: { choices: ["Clear"] }, id: "c1", from_name: "quality", to_name: "audio", type: "choices", origin: "manual" },
        { original_length: 35, value: { start: 6, end: 8, channel: 0, labels: ["sad", "neutral"] }, id: "p9Xk2", from_name: "emotion", to_name: "audio", type: "labels", origin: "manual" },
      ],
      was_cancelled: false,
      ground_truth: false,
      created_at: "2024-03-09T22:16:08.728353Z",
      lead_time: 42.1,
    },
    { id: 42, completed_by: 3, result: [], was_cancelled: true },
    { id: 43, completed_by: 4, result: [{ value: { start: 0, end: 1, labels: ["happy"] }, id: "z", from_name: "emotion", to_name: "audio", type: "labels" }] },
  ],
  predictions: [{ model_version: "v2", score: 0.5, result: [{ value: { start: 0, end: 35, labels: ["neutral"] }, id: "m", from_name: "emotion", to_name: "audio", type: "labels" }] }],
};

/** The same annotation as Label Studio's JSON-MIN export writes it: data fields, then per Labels tag its regions. */
const JSON_MIN_RECORD = {
  audio: "/data/upload/3/interview-03.wav",
  id: 17,
  emotion: [
    { start: 1.5, end: 4.25, channel: 0, labels: ["Angry"] },
    { start: 6, end: 8, channel: 0, labels: ["sad", "neutral"] },
  ],
  quality: "Clear",
  annotator: "researcher@example.org",
  annotation_id: 41,
  created_at: "2024-03-09T22:16:08.728353Z",
  updated_at: "2024-03-09T22:16:08.728378Z",
  lead_time: 42.1,
};

function messageOf(json: unknown): string {
  try {
    parseLabelStudio(json, "project-3.json");
  } catch (error) {
    if (error instanceof AnnotationParseError && error.code === "LABEL_STUDIO_INVALID") return error.message;
    throw error;
  }
  throw new Error("expected a LABEL_STUDIO_INVALID error");
}

describe("parseLabelStudio", () => {
  it("reads the JSON export: regions of annotations that were not cancelled, predictions apart, other results passed over", () => {
    expect(parseLabelStudio([EXPORTED_TASK], "project-3.json")).toEqual({
      tasks: [
        {
          id: 17,
          audio: "/data/upload/3/interview-03.wav",
          recordingId: "rec-3",
          regions: [
            { start: 1.5, end: 4.25, labels: ["Angry"], annotation: 0 },
            { start: 6, end: 8, labels: ["sad", "neutral"], annotation: 0 },
            { start: 0, end: 1, labels: ["happy"], annotation: 1 },
          ],
          predictions: [{ modelVersion: "v2", regions: [{ start: 0, end: 35, labels: ["neutral"] }] }],
        },
      ],
    });
  });

  it("reads JSON-MIN records, a single task object and the old 'completions' key", () => {
    const [min] = parseLabelStudio([JSON_MIN_RECORD], "min.json").tasks;
    expect(min).toEqual({
      id: 17,
      audio: "/data/upload/3/interview-03.wav",
      recordingId: null,
      regions: [
        { start: 1.5, end: 4.25, labels: ["Angry"], annotation: 0 },
        { start: 6, end: 8, labels: ["sad", "neutral"], annotation: 0 },
      ],
      predictions: [],
    });
    const { annotations, ...rest } = EXPORTED_TASK;
    const old = parseLabelStudio({ ...rest, data: { url: "a.wav" }, completions: annotations }, "old.json").tasks;
    expect(old).toHaveLength(1);
    expect(old[0]!.audio).toBe("a.wav");
    expect(old[0]!.regions).toHaveLength(3);
  });

  it("takes the audio from another data field when told", () => {
    const task = { data: { clip: "x.wav" }, annotations: [] };
    expect(parseLabelStudio([task], "p.json", { audioKey: "clip" }).tasks[0]!.audio).toBe("x.wav");
    expect(messageOf([task])).toBe('cannot import project-3.json: tasks[0].data has no "audio" or "url" field with the task\'s audio URL; pass audioKey if the project\'s config uses another name');
  });

  it("refuses malformed tasks, naming the JSON path", () => {
    const broken = structuredClone(EXPORTED_TASK) as { annotations: { result: { value: Record<string, unknown> }[] }[] };
    broken.annotations[0]!.result[2]!.value.end = "8";
    expect(messageOf([EXPORTED_TASK, broken])).toMatch(/^cannot import project-3\.json: tasks\[1\]\.annotations\[0\]\.result\[2\]\.value\.end: Invalid input: expected number, received string$/);
    const backwards = structuredClone(JSON_MIN_RECORD);
    backwards.emotion[1]!.end = 5;
    expect(messageOf(backwards)).toBe("cannot import project-3.json: task.emotion[1].end: end is before start");
    expect(messageOf([{ data: { audio: "a.wav" }, annotations: [{}] }])).toMatch(/tasks\[0\]\.annotations\[0\]\.result: Invalid input: expected array/);
    expect(messageOf(["a.wav"])).toMatch(/^cannot import project-3\.json: tasks\[0\]: /);
  });
});
