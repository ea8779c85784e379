import { describe, expect, it } from "vitest";
import { exportDatasheet, type DatasheetInput } from "./export-datasheet";
import { exportDefinitionSchema } from "./export-definition";
import { VALENCE_MAPPING } from "./label-mapping";
import { splitReport } from "./split-report";

const definition = exportDefinitionSchema.parse({
  name: "Valence | pilot",
  selection: { corpusIds: ["0b0e7c4e-5a4f-4b8e-9f1a-2d3c4b5a6f70"], filter: "low-confidence", lowConfidence: 0.45 },
  level: "region",
  labelPolicy: { kind: "human-over-model", minConfidence: 0.7 },
  modelId: "12345678-1234-4234-8234-123456789abc",
  mapping: VALENCE_MAPPING,
  splits: { train: 0.7, validation: 0.15, test: 0.15, seed: 7 },
  formats: ["chat-jsonl", "audiofolder", "fairseq"],
  includeModelScores: true,
});

const report = splitReport(
  [
    { split: "train", label: "negative", patient: "P1", recordingId: "r1", labelSource: "human" },
    { split: "train", label: "positive", patient: "P1", recordingId: "r1", labelSource: "model" },
    { split: "validation", label: "neutral", patient: "P2", recordingId: "r2", labelSource: "human" },
    { split: "test", label: "negative", patient: null, recordingId: "r3", labelSource: "human" },
  ],
  ["negative", "positive", "neutral"],
);

const input: DatasheetInput = {
  definition,
  corpora: [{ name: "Pilot 2024", recordings: 3 }],
  models: [{ name: "emotion2vec+ base", version: "1.0", fileHash: "ab".repeat(32), modelKey: "emotion2vec_plus_base" }],
  report,
  annotators: 2,
  agreement: {
    annotators: 3,
    items: 12,
    alpha: 0.4123,
    fleiss: 0.4,
    fleissExcluded: 2,
    pairs: [
      { a: "A1", b: "A2", n: 10, kappa: 0.5, observed: 0.75 },
      { a: "A1", b: "A3", n: 1, kappa: null, observed: 1 },
    ],
  },
  files: [
    { path: "audio/train/x.wav", bytes: 44, sha256: "cd".repeat(32) },
    { path: "audiofolder/train/metadata.csv", bytes: 100, sha256: "ef".repeat(32) },
  ],
};

describe("exportDatasheet", () => {
  it("writes the whole README for a valence export", () => {
    expect(exportDatasheet(input)).toBe(
      [
      "# Valence | pilot",
      "",
      "## Contents",
      "",
      "A speech-emotion dataset exported from Resonance: 4 items (labelled regions cut out as clips) from 3 recordings of 2 patients (1 item comes from recordings without a patient).",
      "",
      "- Labels: `negative`, `positive`, `neutral`",
      "- Splits: train 2, validation 1, test 1",
      "- Audio: 1 WAV clip, 16 kHz mono",
      "- Model scores: items with a model result carry its nine utterance scores in canonical label order",
      "",
      "## Selection",
      "",
      "Source corpora:",
      "",
      "- Pilot 2024: 3 recordings",
      "",
      "Selected by:",
      "",
      "- 1 corpus",
      "- filter: only items whose model confidence is below 0.45",
      "",
      "## Labels",
      "",
      "**Label policy.** The human label where there is one; otherwise the model's top label when its confidence is at least 0.7; other items are left out.",
      "",
      "**Label mapping.** The researcher's own mapping; items whose label maps to nothing are left out.",
      "",
      "| emotion2vec+ label | exported as |",
      "| --- | --- |",
      "| angry | negative |",
      "| disgusted | negative |",
      "| fearful | negative |",
      "| happy | positive |",
      "| neutral | neutral |",
      "| other | (left out) |",
      "| sad | negative |",
      "| surprised | (left out) |",
      "| unknown | (left out) |",
      "",
      "**Label sources** (each item records its own as `label_source`):",
      "",
      "- human: 3 (75 %)",
      "- model: 1 (25 %)",
      "",
      "## Splits",
      "",
      "Ratios train 70 %, validation 15 %, test 15 %; seed 7; stratified by label.",
      "",
      "Patient-disjoint: all items of a patient are in one split, and each recording without a patient counts as a patient of its own. No patient appears in more than one split (checked on the exported items). Splits are assigned greedily one patient at a time, so the ratios are met approximately, more closely the more patients there are.",
      "",
      "Items per split and label:",
      "",
      "| Split | Items | Patients | Recordings | negative | positive | neutral |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
      "| train | 2 | 1 | 1 | 1 | 1 | 0 |",
      "| validation | 1 | 1 | 1 | 0 | 0 | 1 |",
      "| test | 1 | 0 | 1 | 1 | 0 | 0 |",
      "| all | 4 | 2 | 3 | 2 | 1 | 1 |",
      "",
      "## Models",
      "",
      "| Name | Version | Key | Model file SHA-256 |",
      "| --- | --- | --- | --- |",
      "| emotion2vec+ base | 1.0 | emotion2vec_plus_base | `abababababababababababababababababababababababababababababababab` |",
      "",
      "## Annotators",
      "",
      "- People whose labels the items carry: 2",
      "- Agreement between 3 annotators on 12 items annotated by two or more: Krippendorff's alpha (nominal) 0.412, Fleiss' kappa 0.4 (2 items with another number of annotations left out)",
      "  - A1 and A2: 10 shared items, 75 % identical, Cohen's kappa 0.5",
      "  - A1 and A3: 1 shared item, 100 % identical, Cohen's kappa not defined",
      "",
      "## Formats",
      "",
      "- **audiofolder**, Hugging Face audiofolder: split folders with a `metadata.csv` each; `datasets.load_dataset(\"audiofolder\", data_dir=...)` gives train/validation/test splits.",
      "- **fairseq**, fairseq manifest as emotion2vec's downstream recipe reads it: per split a `.tsv` (first line the audio root, then relative path TAB sample count) and a `.emo` label file in the same order.",
      "- **chat-jsonl**, chat fine-tuning JSON Lines: messages with a user turn (audio and instruction) and an assistant turn (the label), as ms-swift reads for Qwen2.5-Omni LoRA fine-tuning.",
      "",
      "The chat instruction: \"Listen to the audio and name the emotion the speaker expresses. Answer with exactly one of: negative, positive, neutral.\"",
      "",
      "## Licence",
      "",
      "Not stated: ask the data owner before sharing.",
      "",
      "## Files",
      "",
      "Every file but this README, with its size and SHA-256.",
      "",
      "| Path | Bytes | SHA-256 |",
      "| --- | ---: | --- |",
      "| audio/train/x.wav | 44 | `cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd` |",
      "| audiofolder/train/metadata.csv | 100 | `efefefefefefefefefefefefefefefefefefefefefefefefefefefefefefefef` |",
      "",
      ].join("\n"),
    );
  });

  it("gives the same bytes whatever order corpora, models and files come in", () => {
    const more: DatasheetInput = {
      ...input,
      corpora: [{ name: "Pilot 2024", recordings: 3 }, { name: "Clinic B", recordings: 1 }],
      models: [input.models[0]!, { name: "a-model", version: "2", fileHash: "00".repeat(32), modelKey: "a" }],
    };
    const reversed: DatasheetInput = { ...more, corpora: [...more.corpora].reverse(), models: [...more.models].reverse(), files: [...input.files].reverse() };
    expect(exportDatasheet(reversed)).toBe(exportDatasheet(more));
    expect(exportDatasheet(more).indexOf("- Clinic B: 1 recording")).toBeLessThan(exportDatasheet(more).indexOf("- Pilot 2024"));
  });

  it("says when there is no model, no agreement figure or a patient in two splits, and keeps patient codes out", () => {
    const humanOnly = exportDefinitionSchema.parse({
      name: "Human only",
      selection: { recordingIds: ["11111111-2222-4333-8444-555555555555"] },
      level: "recording",
      labelPolicy: { kind: "human" },
      formats: ["items-csv"],
      licence: "CC BY-NC 4.0 for research use.",
    });
    const leaky = splitReport([
      { split: "train", label: "sad", patient: "PX-17", recordingId: "r1", labelSource: "human" },
      { split: "test", label: "happy", patient: "PX-17", recordingId: "r2", labelSource: "human" },
    ]);
    const text = exportDatasheet({ definition: humanOnly, corpora: [], models: [], report: leaky, annotators: 1, agreement: null, files: [] });
    expect(text).toContain("**Label policy.** Human labels only; items without one are left out.");
    expect(text).toContain("**Label mapping.** The nine emotion2vec+ labels as they are.");
    expect(text).toContain("## Models\n\nNone: no label or output in this export comes from a model.");
    expect(text).toContain("- Agreement between annotators: not available (no recording was annotated by two or more annotators)");
    expect(text).toContain("WARNING: 1 patient appears in more than one split; do not use these splits for evaluation.");
    expect(text).toContain("## Licence\n\nCC BY-NC 4.0 for research use.");
    expect(text).toContain("- 1 recording named one by one");
    expect(text).toContain("Ratios train 80 %, validation 10 %, test 10 %; seed 1; stratified by label.");
    expect(text).not.toContain("PX-17");
    expect(text.endsWith("## Files\n\nNo other files.\n")).toBe(true);
  });
});
