import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { modelManifestSchema } from "./model-manifest";
import { scanModels } from "./model-registry";

const MODELS = path.resolve(import.meta.dirname, "..", "..", "models");

describe("the model registry", () => {
  it("lists usable folders and gives the reason for each broken one", async () => {
    const { models, invalid } = await scanModels(path.join(MODELS, "testing"));
    expect(models.map((model) => model.folderName)).toEqual(["corrupt", "full-outputs", "funasr-like", "wrong-input-name"]);
    const reasons = Object.fromEntries(invalid.map((entry) => [entry.folderName, entry.reason]));
    expect(reasons["label-mismatch"]).toBe("label-mismatch: the head has 9 classes but the manifest lists 5 labels");
    expect(reasons["invalid-manifest"]).toMatch(/frames\.rate: .*expected number.*labels: .*expected array/);
    const funasr = models.find((model) => model.folderName === "funasr-like")!;
    expect(funasr.head).toMatchObject({ classes: 9, dim: 16 });
    expect(funasr.fileHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("lists nothing for a missing folder, and skips folders without a manifest", async () => {
    expect(await scanModels(path.join(MODELS, "does-not-exist"))).toEqual({ models: [], invalid: [] });
    // models/ itself: testing/, emotion2vec/ and probe/ hold no manifest.json of their own.
    const { models, invalid } = await scanModels(MODELS);
    expect([...models, ...invalid].map((entry) => entry.folderName)).not.toContain("testing");
  });

  it("accepts the emotion2vec+ manifest the export script writes", () => {
    const template = JSON.parse(readFileSync(path.join(MODELS, "emotion2vec", "manifest.template.json"), "utf8")) as unknown;
    const parsed = modelManifestSchema.safeParse(template);
    expect(parsed.success ? "valid" : parsed.error.message).toBe("valid");
  });
});
