import { z } from "zod";
import type { Database } from "../db/database";
import { readClusteringRecord, readProjectionPointEmbeddings, readProjectionPoints, saveClustering } from "../db/projection.repository";
import type { JobContext, JobHandler } from "../jobs/job-worker";
import type { JsonValue } from "../jobs/job-types";
import { summariseClusters } from "./clustering/summarise-clusters";
import { createClusteringSchema, umapParametersSchema } from "./projection-definition";
import { runClusteringTask } from "./run-projection-task";

/**
 * The `cluster` job: HDBSCAN or k-means over a projection's full embeddings
 * (the model's, not the 2-D coordinates, which UMAP distorts), in a worker
 * thread, then per-cluster summaries: size, cohort and emotion mix, and the
 * recordings nearest each cluster's centre to listen to. Written once at the
 * end, so a cancelled job leaves nothing half-stored.
 */


export const clusterJobPayloadSchema = z.object({ clusteringId: z.uuid() }).strict();

export function createClusterJobHandler(database: Database): JobHandler {
  return async (context) => clusterProjection(database, clusterJobPayloadSchema.parse(context.job.payload).clusteringId, context);
}

async function clusterProjection(database: Database, clusteringId: string, context: JobContext): Promise<JsonValue> {
  const record = await readClusteringRecord(database.prisma, clusteringId);
  const definition = createClusteringSchema.parse({ algorithm: record.algorithm, ...(record.parameters as object) });
  const { metric } = umapParametersSchema.parse(record.projection.parameters);
  context.reportProgress({ done: 0, total: 1, unit: "stages", message: "Reading embeddings" });
  const { vectors, dims } = await readProjectionPointEmbeddings(database.prisma, record.projectionId);
  const result = await runClusteringTask(
    definition.algorithm === "hdbscan"
      ? { kind: "hdbscan", vectors, dims, metric, minClusterSize: definition.minClusterSize, ...(definition.minSamples ? { minSamples: definition.minSamples } : {}) }
      : { kind: "kmeans", vectors, dims, metric, k: definition.k, seed: definition.seed },
    {
      signal: context.signal,
      onProgress: (stage, done, total) => context.reportProgress({ done: 0, total: 1, unit: "stages", message: `${stage} ${total ? Math.floor((100 * done) / total) : 0}%` }),
    },
  );
  const points = await readProjectionPoints(database.prisma, record.projectionId);
  const clusters = summariseClusters({
    labels: result.labels,
    vectors,
    dims,
    metric,
    pointCohorts: points.map((point) => point.cohorts),
    pointEmotions: points.map((point) => point.humanEmotion ?? point.modelEmotion),
  });
  const summary = {
    clusters: clusters.map((cluster) => ({ ...cluster, stability: cluster.id >= 0 ? (result.stabilities[cluster.id] ?? null) : null })),
    details: { ...result.details },
    seconds: result.seconds,
  } as unknown as JsonValue;
  await saveClustering(database.prisma, clusteringId, result.labels, summary);
  return { clusteringId, clusters: clusters.filter((cluster) => cluster.id >= 0).length, seconds: result.seconds };
}
