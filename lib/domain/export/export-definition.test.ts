import { describe, expect, it } from "vitest";
import { chatInstructionFor, DEFAULT_LICENCE, definitionHashInput, definitionUsesModel, exportDefinitionSchema, type ExportDefinitionInput } from "./export-definition";
import { VALENCE_MAPPING } from "./label-mapping";

const CORPUS = "0b0e7c4e-5a4f-4b8e-9f1a-2d3c4b5a6f70";
const REC_A = "11111111-2222-4333-8444-555555555555";
const REC_B = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
const REGION = "99999999-8888-4777-8666-555555555555";
const MODEL = "12345678-1234-4234-8234-123456789abc";

const minimal: ExportDefinitionInput = {
  name: "Pilot corpus, human labels",
  selection: { corpusIds: [CORPUS] },
  level: "region",
  labelPolicy: { kind: "human" },
  formats: ["jsonl"],
};

const issues = (value: unknown) => exportDefinitionSchema.safeParse(value).error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];

describe("exportDefinitionSchema", () => {
  it("fills in the defaults", () => {
    expect(exportDefinitionSchema.parse(minimal)).toEqual({
      name: "Pilot corpus, human labels",
      selection: { corpusIds: [CORPUS], filter: "all", lowConfidence: 0.5 },
      level: "region",
      labelPolicy: { kind: "human" },
      mapping: { kind: "canonical" },
      splits: { train: 0.8, validation: 0.1, test: 0.1, seed: 1, stratify: true },
      formats: ["jsonl"],
      includeModelScores: false,
      licence: DEFAULT_LICENCE,
    });
  });

  it("sorts and de-duplicates id lists and formats, so click order changes nothing", () => {
    const parsed = exportDefinitionSchema.parse({
      ...minimal,
      selection: {
        recordingIds: [REC_B, REC_A.toUpperCase(), REC_B],
        projection: { projectionId: CORPUS, pointKeys: [`${REC_B}|`, `${REC_A}|${REGION}`, `${REC_B}|`] },
      },
      formats: ["textgrid", "jsonl", "audiofolder", "jsonl"],
    });
    expect(parsed.selection.recordingIds).toEqual([REC_A, REC_B]);
    expect(parsed.selection.projection?.pointKeys).toEqual([`${REC_A}|${REGION}`, `${REC_B}|`]);
    expect(parsed.formats).toEqual(["jsonl", "audiofolder", "textgrid"]);
  });

  it("asks for something to export", () => {
    expect(issues({ ...minimal, selection: { filter: "disagree" } })).toEqual(["selection: selection must name corpora, cohorts, recordings or projection points to export"]);
    expect(issues({ ...minimal, selection: { corpusIds: [] } })).toHaveLength(1);
    expect(issues({ ...minimal, selection: undefined })).toEqual(["selection: selection must name corpora, cohorts, recordings or projection points to export"]);
    expect(issues(null)).toEqual([": an export definition must be an object with name, selection, level, labelPolicy and formats"]);
    expect(issues({ ...minimal, selection: { projection: { projectionId: CORPUS, pointKeys: [] } } })).toContain(
      "selection.projection.pointKeys: selection.projection.pointKeys is empty: select points in the projection first",
    );
    expect(issues({ ...minimal, selection: { projection: { projectionId: CORPUS, pointKeys: [REC_A] } } })[0]).toMatch(/must look like '<recording id>\|<region id>'/);
    expect(issues({ ...minimal, selection: { corpusIds: ["corpus-1"] } })).toContain("selection.corpusIds.0: selection.corpusIds must hold corpus UUIDs");
  });

  it("checks split ratios, seed and formats, naming the field", () => {
    expect(exportDefinitionSchema.safeParse({ ...minimal, splits: { train: 0.7, validation: 0.2, test: 0.1 } }).success).toBe(true); // 0.9999999999999999
    expect(issues({ ...minimal, splits: { train: 0.7, validation: 0.2, test: 0.2 } })).toEqual([
      "splits: splits.train, splits.validation and splits.test must add up to 1",
    ]);
    expect(issues({ ...minimal, splits: { train: 1.1, validation: -0.1, test: 0 } })).toEqual(["splits.train: splits.train must be at most 1", "splits.validation: splits.validation must be at least 0"]);
    expect(issues({ ...minimal, splits: { train: 1, validation: 0, test: 0, seed: 2 ** 32 } })).toEqual([
      "splits.seed: splits.seed must be a whole number from 0 to 4294967295",
    ]);
    expect(issues({ ...minimal, formats: [] })).toEqual(["formats: formats must name at least one format"]);
    expect(issues({ ...minimal, formats: ["wav"] })[0]).toMatch(/^formats\.0: formats must be among jsonl, audiofolder, fairseq/);
  });

  it("requires a model when labels, scores, curves or embeddings come from one, and says why", () => {
    expect(issues({ ...minimal, labelPolicy: { kind: "model", minConfidence: 0.7 } })).toEqual(["modelId: modelId is required: labelPolicy model takes labels from a model"]);
    expect(issues({ ...minimal, includeModelScores: true, formats: ["jsonl", "curves-csv", "embeddings-npy"] })).toEqual([
      "modelId: modelId is required: includeModelScores is on; curves-csv and embeddings-npy come from a model",
    ]);
    const withModel = exportDefinitionSchema.parse({ ...minimal, labelPolicy: { kind: "human-over-model" }, modelId: MODEL.toUpperCase() });
    expect(withModel.modelId).toBe(MODEL);
    expect(withModel.labelPolicy).toEqual({ kind: "human-over-model", minConfidence: 0 });
    expect(definitionUsesModel(withModel)).toBe(true);
    expect(definitionUsesModel(exportDefinitionSchema.parse({ ...minimal, modelId: MODEL }))).toBe(false);
  });

  it("refuses a filter that leaves nothing under the label policy", () => {
    expect(issues({ ...minimal, selection: { corpusIds: [CORPUS], filter: "no-label" } })).toEqual([
      "selection.filter: selection.filter no-label keeps only items without a human label, and labelPolicy human exports only human labels: nothing would be exported",
    ]);
    expect(issues({ ...minimal, selection: { corpusIds: [CORPUS], filter: "no-label" }, labelPolicy: { kind: "human-over-model" }, modelId: MODEL })).toEqual([]);
  });

  it("refuses unknown fields, an empty or multi-line name and an over-long licence", () => {
    expect(issues({ ...minimal, seed: 3 })).toHaveLength(1);
    expect(issues({ ...minimal, name: "   " })).toEqual(["name: name must not be empty"]);
    expect(issues({ ...minimal, name: "two\nlines" })).toEqual(["name: name must be one line without control characters"]);
    expect(issues({ ...minimal, licence: "x".repeat(2001) })).toEqual(["licence: licence must be at most 2000 characters"]);
  });
});

describe("chatInstructionFor", () => {
  it("lists the export's labels unless the definition has its own instruction", () => {
    const definition = exportDefinitionSchema.parse({ ...minimal, mapping: VALENCE_MAPPING });
    expect(chatInstructionFor(definition)).toBe(
      "Listen to the audio and name the emotion the speaker expresses. Answer with exactly one of: negative, positive, neutral.",
    );
    expect(chatInstructionFor({ ...definition, chatInstruction: "Which valence?" })).toBe("Which valence?");
  });
});

describe("definitionHashInput", () => {
  it("is the same for definitions that mean the same and differs when anything changes", () => {
    const a = exportDefinitionSchema.parse({ ...minimal, selection: { recordingIds: [REC_B, REC_A] } });
    const b = exportDefinitionSchema.parse({
      formats: ["jsonl", "jsonl"],
      labelPolicy: { kind: "human" },
      level: "region",
      selection: { filter: "all", recordingIds: [REC_A, REC_B] },
      name: "  Pilot corpus, human labels ",
      splits: { test: 0.1, validation: 0.1, train: 0.8 },
      mapping: { kind: "canonical" },
    });
    expect(definitionHashInput(b)).toBe(definitionHashInput(a));
    expect(definitionHashInput(a)).toMatch(/^resonance-export-definition\/1\n\{"formats":\["jsonl"\],"includeModelScores":false,/);
    expect(definitionHashInput({ ...a, splits: { ...a.splits, seed: 2 } })).not.toBe(definitionHashInput(a));
  });
});
