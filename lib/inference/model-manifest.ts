import { z } from "zod";

/**
 * The contract of a model folder (`models/<folder>/manifest.json`): what the
 * ONNX graph takes and gives, how its frames sit in time, which head turns
 * frame embeddings into scores when the graph has none, and how its labels
 * map onto the nine emotion2vec+ labels. README "Adding a model" explains it.
 */

const outputName = z.string().min(1).nullable().optional();

export const modelManifestSchema = z.object({
  schemaVersion: z.literal(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "use lower-case letters, digits, '.', '_' and '-'"),
  name: z.string().min(1),
  version: z.string().min(1),
  license: z.string().min(1),
  source: z.string().min(1),
  file: z.string().regex(/^[^/\\]+\.onnx$/, "a file name in the model folder ending in .onnx").default("model.onnx"),
  input: z.object({
    name: z.string().min(1),
    sampleRate: z.literal(16_000, { message: "models read 16 kHz audio (the analysis audio of every recording)" }),
    /** The caller normalises the waveform (zero mean, unit variance) before the graph. */
    layerNorm: z.boolean(),
  }),
  outputs: z
    .object({
      frameLogits: outputName,
      frameEmbeddings: outputName,
      utteranceLogits: outputName,
      utteranceEmbedding: outputName,
    })
    .refine((outputs) => Boolean(outputs.frameLogits || outputs.frameEmbeddings), {
      message: "name at least one frame output (frameLogits or frameEmbeddings)",
    }),
  frames: z.object({
    rate: z.number().positive(),
    hopSamples: z.number().int().positive(),
    windowSamples: z.number().int().positive(),
  }),
  head: z
    .object({
      weights: z.string().regex(/^[^/\\]+\.npy$/, "an .npy file in the model folder"),
      bias: z.string().regex(/^[^/\\]+\.npy$/, "an .npy file in the model folder"),
    })
    .nullable()
    .optional(),
  labels: z.array(z.string().min(1)).min(2),
  labelMapping: z.record(z.string(), z.string().nullable()).optional(),
  maxWindowSeconds: z.number().positive().max(600),
  batch: z.object({ dynamic: z.boolean() }).default({ dynamic: false }),
});

export type ModelManifest = z.infer<typeof modelManifestSchema>;

/** Problems with a parsed manifest, as sentences naming the field; empty when it is valid. */
export function describeManifestProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "manifest"}: ${issue.message}`);
}
