import type { ProjectionMetric } from "./projection-metric";

/**
 * What the projection worker thread is asked to compute, and what it sends
 * back. Vectors travel as transferred buffers, never copied twice.
 */

export interface UmapTaskParameters {
  readonly metric: ProjectionMetric;
  readonly nNeighbors: number;
  readonly minDist: number;
  readonly seed: number;
  readonly nEpochs?: number;
}

export type ProjectionTask =
  | { readonly kind: "umap"; readonly vectors: Float32Array; readonly dims: number; readonly parameters: UmapTaskParameters; readonly labels?: Int32Array }
  | {
      readonly kind: "place";
      readonly referenceVectors: Float32Array;
      readonly referenceCoordinates: Float32Array;
      readonly vectors: Float32Array;
      readonly dims: number;
      readonly parameters: UmapTaskParameters;
    };

/** Clusters over full embeddings (not the 2-D layout). */
export type ClusteringTask =
  | { readonly kind: "hdbscan"; readonly vectors: Float32Array; readonly dims: number; readonly metric: ProjectionMetric; readonly minClusterSize: number; readonly minSamples?: number }
  | { readonly kind: "kmeans"; readonly vectors: Float32Array; readonly dims: number; readonly metric: ProjectionMetric; readonly k: number; readonly seed: number };

export type ProjectionTaskStage = "neighbours" | "epochs" | "placing" | "spanning-tree" | "clusters" | "iterations";

export type ProjectionWorkerMessage =
  | { readonly kind: "progress"; readonly stage: ProjectionTaskStage; readonly done: number; readonly total: number }
  | { readonly kind: "result"; readonly coordinates: Float32Array; readonly seconds: Readonly<Record<string, number>> }
  | {
      readonly kind: "clusters";
      readonly labels: Int32Array;
      readonly details: Readonly<Record<string, number | boolean>>;
      readonly stabilities: readonly number[];
      readonly seconds: number;
    }
  | { readonly kind: "error"; readonly name: string; readonly message: string };

export type ProjectionParentMessage = { readonly kind: "cancel" };
