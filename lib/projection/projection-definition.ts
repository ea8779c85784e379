import { z } from "zod";
import { EXPLORER_FILTERS } from "../domain/explorer-filter";

/**
 * What a researcher asks to project: the set, the model, the level and the
 * UMAP parameters. Validated once here for the route, the server action and
 * the job, which stores the parsed form so a re-run means the same thing.
 */

export const PROJECTION_LEVELS = ["recording", "region"] as const;
export type ProjectionLevel = (typeof PROJECTION_LEVELS)[number];

export const MAX_PROJECTION_RECORDINGS = 200_000;

export const projectionSelectionSchema = z
  .object({
    corpusIds: z.array(z.uuid({ error: "corpusIds must hold corpus UUIDs" })).max(100).optional(),
    cohortIds: z.array(z.uuid({ error: "cohortIds must hold cohort UUIDs" })).max(100).optional(),
    recordingIds: z.array(z.uuid({ error: "recordingIds must hold recording UUIDs" })).max(MAX_PROJECTION_RECORDINGS).optional(),
    filter: z.enum(EXPLORER_FILTERS, { error: `filter must be one of ${EXPLORER_FILTERS.join(", ")}` }).default("all"),
    /** For the low-confidence filter. */
    lowConfidence: z.number().gt(0).max(1).default(0.5),
  })
  .strict()
  .refine((selection) => (selection.corpusIds?.length ?? 0) + (selection.cohortIds?.length ?? 0) + (selection.recordingIds?.length ?? 0) > 0, {
    error: "name corpora, cohorts or recordings to project",
  });
export type ProjectionSelection = z.infer<typeof projectionSelectionSchema>;

export const umapParametersSchema = z
  .object({
    nNeighbors: z.number().int().min(2, { error: "nNeighbors must be at least 2" }).max(200, { error: "nNeighbors must be at most 200" }).default(15),
    // umap-js fits its curve with spread 1, and min_dist must not exceed the spread.
    minDist: z.number().min(0, { error: "minDist must be at least 0" }).max(1, { error: "minDist must be at most 1" }).default(0.1),
    metric: z.enum(["cosine", "euclidean"], { error: "metric must be cosine or euclidean" }).default("cosine"),
    seed: z.number().int().min(0).max(2 ** 32 - 1, { error: "seed must be a whole number from 0 to 4294967295" }).default(42),
    /** Pull points with the same human label together (supervised UMAP); unlabelled points take part unsupervised. */
    supervised: z.boolean().default(false),
    nEpochs: z.number().int().min(10).max(2000).optional(),
  })
  .strict();
export type UmapParameters = z.infer<typeof umapParametersSchema>;

export const createProjectionSchema = z
  .object({
    name: z.string().trim().max(200).optional(),
    level: z.enum(PROJECTION_LEVELS, { error: "level must be recording or region" }).default("recording"),
    /** The database id of the model whose embeddings are projected. */
    modelId: z.uuid({ error: "modelId must be a model's UUID" }),
    selection: projectionSelectionSchema,
    parameters: umapParametersSchema.default({ nNeighbors: 15, minDist: 0.1, metric: "cosine", seed: 42, supervised: false }),
  })
  .strict();
export type CreateProjectionRequest = z.input<typeof createProjectionSchema>;
export type ProjectionDefinition = z.infer<typeof createProjectionSchema>;

export const CLUSTER_ALGORITHMS = ["hdbscan", "kmeans"] as const;

export const createClusteringSchema = z.discriminatedUnion("algorithm", [
  z
    .object({
      algorithm: z.literal("hdbscan"),
      minClusterSize: z.number().int().min(2, { error: "minClusterSize must be at least 2" }).max(10_000).default(15),
      minSamples: z.number().int().min(1).max(200).optional(),
    })
    .strict(),
  z
    .object({
      algorithm: z.literal("kmeans"),
      k: z.number().int().min(1, { error: "k must be at least 1" }).max(200, { error: "k must be at most 200" }),
      seed: z.number().int().min(0).max(2 ** 32 - 1).default(42),
    })
    .strict(),
]);
export type ClusteringDefinition = z.infer<typeof createClusteringSchema>;

/** A readable default name, e.g. "UMAP of 3 corpora, per recording, cosine, 15 neighbours". */
export function describeProjection(definition: Pick<ProjectionDefinition, "level" | "selection" | "parameters">): string {
  const { selection, parameters } = definition;
  const parts: string[] = [];
  const count = (n: number | undefined, one: string, many: string) => (n ? `${n} ${n === 1 ? one : many}` : null);
  for (const part of [
    count(selection.corpusIds?.length, "corpus", "corpora"),
    count(selection.cohortIds?.length, "cohort", "cohorts"),
    count(selection.recordingIds?.length, "recording", "recordings"),
  ]) {
    if (part) parts.push(part);
  }
  const filter = selection.filter === "all" ? "" : ` (${selection.filter})`;
  return `UMAP of ${parts.join(" + ")}${filter}, per ${definition.level}, ${parameters.metric}, ${parameters.nNeighbors} neighbours, seed ${parameters.seed}${parameters.supervised ? ", supervised" : ""}`;
}
