import { describe, expect, it } from "vitest";
import { parseLabelStudio } from "./label-studio-parser";
import { labelStudioConfig, labelStudioTasks } from "./label-studio-writer";
import { AWKWARD, OVERLAPPING, SMALL } from "./testing/annotation-fixtures";

const region = (id: string, start: number, end: number, label: string) => ({
  id,
  from_name: "emotion",
  to_name: "audio",
  type: "labels",
  original_length: 3,
  value: { start, end, channel: 0, labels: [label] },
});

describe("labelStudioTasks", () => {
  it("writes human labels as the annotation and the model's as a prediction with model_version", () => {
    const expected = [
      {
        data: { audio: "/data/local-files/?d=audio/interview%2003.wav", recording_id: "rec-small" },
        annotations: [{ result: [region("human-1", 0.5, 1.25, "angry")] }],
        predictions: [{ model_version: "emotion2vec_plus_base 1.0", result: [region("model-1", 0, 1.2, "neutral"), region("model-2", 1.2, 3, "angry")] }],
      },
    ];
    expect(labelStudioTasks([{ annotations: SMALL, audioUrl: "/data/local-files/?d=audio/interview%2003.wav" }])).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });

  it("leaves out the annotation without human labels and the prediction without a model result, keeps overlaps and is deterministic", () => {
    const unlabelled = JSON.parse(labelStudioTasks([{ annotations: { ...SMALL, human: [] }, audioUrl: "a.wav" }]));
    expect(Object.keys(unlabelled[0])).toEqual(["data", "predictions"]);
    const overlapping = JSON.parse(labelStudioTasks([{ annotations: OVERLAPPING, audioUrl: "b.m4a" }]));
    expect(Object.keys(overlapping[0])).toEqual(["data", "annotations"]);
    expect(overlapping[0].annotations[0].result).toHaveLength(5);
    const reversed = { ...OVERLAPPING, human: [...OVERLAPPING.human].reverse() };
    expect(labelStudioTasks([{ annotations: reversed, audioUrl: "b.m4a" }])).toBe(labelStudioTasks([{ annotations: OVERLAPPING, audioUrl: "b.m4a" }]));
  });

  it("round-trips through parseLabelStudio", () => {
    const json = labelStudioTasks([
      { annotations: SMALL, audioUrl: "s3://bucket/interview 03.wav" },
      { annotations: AWKWARD, audioUrl: "https://example.org/a.wav" },
    ]);
    const [small, awkward] = parseLabelStudio(JSON.parse(json), "tasks.json").tasks;
    expect(small).toEqual({
      id: null,
      audio: "s3://bucket/interview 03.wav",
      recordingId: "rec-small",
      regions: [{ start: 0.5, end: 1.25, labels: ["angry"], annotation: 0 }],
      predictions: [{ modelVersion: "emotion2vec_plus_base 1.0", regions: SMALL.model.map(({ start, end, label }) => ({ start, end, labels: [label] })) }],
    });
    expect(awkward!.regions.map((entry) => entry.labels[0])).toEqual(['say "hi" & <bye>', "生气/angry"]);
    expect(awkward!.predictions[0]!.modelVersion).toBe('model "x" & <y>');
  });

  it("refuses an empty audio URL", () => {
    expect(() => labelStudioTasks([{ annotations: SMALL, audioUrl: " " }])).toThrow(/interview 03\.wav: its audio URL is empty/);
  });
});

describe("labelStudioConfig", () => {
  it("writes a Labels tag with one Label per label on an Audio tag, escaped", () => {
    expect(labelStudioConfig(["angry", "sad", "angry", 'a "b" & c'])).toBe(
      [
        "<View>",
        '  <Labels name="emotion" toName="audio">',
        '    <Label value="angry"/>',
        '    <Label value="sad"/>',
        '    <Label value="a &quot;b&quot; &amp; c"/>',
        "  </Labels>",
        '  <Audio name="audio" value="$audio"/>',
        "</View>",
        "",
      ].join("\n"),
    );
    expect(() => labelStudioConfig([])).toThrow(/label set is empty/);
  });
});
