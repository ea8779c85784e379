/** Distance used for the neighbour graph and for placing new points. */
export type ProjectionMetric = "cosine" | "euclidean";

export const PROJECTION_METRICS: readonly ProjectionMetric[] = ["cosine", "euclidean"];
