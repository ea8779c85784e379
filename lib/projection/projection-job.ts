import { z } from "zod";
import type { Database } from "../db/database";
import {
  appendPlacedPoints,
  findProjectionModel,
  pointKey,
  readProjectionInputs,
  readProjectionPointEmbeddings,
  saveProjectionLayout,
  readProjectionRow,
} from "../db/projection.repository";
import { CANONICAL_INDEX, isCanonicalLabel } from "../domain/emotion-labels";
import type { JobContext, JobHandler } from "../jobs/job-worker";
import type { JsonValue } from "../jobs/job-types";
import { projectionSelectionSchema, PROJECTION_LEVELS, umapParametersSchema, type UmapParameters } from "./projection-definition";
import { projectionInputHash } from "./projection-input-hash";
import { ProjectionInputError } from "./projection-input-error";
import type { ProjectionTaskStage } from "./projection-task-protocol";
import { runProjectionTask } from "./run-projection-task";

/**
 * The `project` job computes a stored projection's layout; `project-place`
 * places recordings that joined its set (or were analysed) since, without
 * moving the points already there. Both run the computation in a worker
 * thread and write all points in one transaction at the end, so a cancelled
 * or failed job leaves the projection without points rather than half of
 * them.
 */


export const projectJobPayloadSchema = z.object({ projectionId: z.uuid() }).strict();

export function createProjectJobHandler(database: Database): JobHandler {
  return async (context) => projectSet(database, projectJobPayloadSchema.parse(context.job.payload).projectionId, context);
}

export function createPlaceJobHandler(database: Database): JobHandler {
  return async (context) => placeNewPoints(database, projectJobPayloadSchema.parse(context.job.payload).projectionId, context);
}

async function loadDefinition(database: Database, projectionId: string) {
  const row = await readProjectionRow(database.prisma, projectionId);
  if (!row) throw new ProjectionInputError(`The projection ${projectionId} was deleted before its job ran.`);
  return {
    row,
    model: await findProjectionModel(database.prisma, row.modelId),
    level: z.enum(PROJECTION_LEVELS).parse(row.level),
    selection: projectionSelectionSchema.parse(row.selection),
    parameters: umapParametersSchema.parse(row.parameters),
  };
}

async function projectSet(database: Database, projectionId: string, context: JobContext): Promise<JsonValue> {
  const { model, level, selection, parameters } = await loadDefinition(database, projectionId);
  context.reportProgress({ done: 0, total: 1, unit: "epochs", message: "Reading embeddings" });
  const inputs = await readProjectionInputs(database.prisma, { modelId: model.id, level, selection });
  const n = inputs.points.length;
  if (n <= parameters.nNeighbors) {
    throw new ProjectionInputError(
      `${n} ${level === "region" ? "regions" : "recordings"} of the set have an embedding from ${model.name} ${model.version}` +
        (inputs.missing.length ? ` (${inputs.missing.length} have none yet)` : "") +
        `; UMAP with ${parameters.nNeighbors} neighbours needs at least ${parameters.nNeighbors + 1}. Analyse the missing ones or lower the number of neighbours.`,
    );
  }
  const labels = parameters.supervised ? Int32Array.from(inputs.points, (point) => labelIndex(point.humanEmotion)) : undefined;
  const result = await runProjectionTask(
    { kind: "umap", vectors: inputs.vectors, dims: inputs.dims, parameters: taskParameters(parameters), ...(labels ? { labels } : {}) },
    { signal: context.signal, onProgress: progressReporter(context) },
  );
  const inputHash = projectionInputHash(model, level, inputs.points, inputs.vectors, inputs.dims);
  await saveProjectionLayout(database.prisma, projectionId, {
    points: inputs.points,
    coordinates: result.coordinates,
    inputHash,
    dims: inputs.dims,
    missingCount: inputs.missing.length,
    timings: { ...result.seconds },
  });
  return { projectionId, points: n, missing: inputs.missing.length, inputHash, seconds: { ...result.seconds } };
}

async function placeNewPoints(database: Database, projectionId: string, context: JobContext): Promise<JsonValue> {
  const { row, model, level, selection, parameters } = await loadDefinition(database, projectionId);
  if (!row.finishedAt) throw new ProjectionInputError("The projection has no layout yet: new points can be placed once it has finished.");
  context.reportProgress({ done: 0, total: 1, unit: "points", message: "Reading embeddings" });
  const reference = await readProjectionPointEmbeddings(database.prisma, projectionId);
  const existing = new Set(reference.keys.map(pointKey));
  const inputs = await readProjectionInputs(database.prisma, { modelId: model.id, level, selection }, existing);
  if (inputs.points.length === 0) {
    await appendPlacedPoints(database.prisma, projectionId, [], new Float32Array(0), inputs.missing.length);
    return { projectionId, placed: 0, missing: inputs.missing.length };
  }
  if (inputs.dims !== reference.dims) {
    throw new ProjectionInputError(`The new embeddings have ${inputs.dims} values but the projection's have ${reference.dims}.`);
  }
  const result = await runProjectionTask(
    {
      kind: "place",
      referenceVectors: reference.vectors,
      referenceCoordinates: reference.coordinates,
      vectors: inputs.vectors,
      dims: inputs.dims,
      parameters: taskParameters(parameters),
    },
    { signal: context.signal, onProgress: progressReporter(context) },
  );
  await appendPlacedPoints(database.prisma, projectionId, inputs.points, result.coordinates, inputs.missing.length);
  context.reportProgress({ done: 1, total: 1, unit: "points", message: `Placed ${inputs.points.length}` });
  return { projectionId, placed: inputs.points.length, missing: inputs.missing.length, seconds: { ...result.seconds } };
}

function taskParameters(parameters: UmapParameters) {
  return {
    metric: parameters.metric,
    nNeighbors: parameters.nNeighbors,
    minDist: parameters.minDist,
    seed: parameters.seed,
    ...(parameters.nEpochs ? { nEpochs: parameters.nEpochs } : {}),
  };
}

function labelIndex(emotion: string | null): number {
  return emotion && isCanonicalLabel(emotion) ? CANONICAL_INDEX[emotion] : -1;
}

function progressReporter(context: JobContext) {
  return (stage: ProjectionTaskStage, done: number, total: number) => {
    if (stage === "epochs") context.reportProgress({ done, total, unit: "epochs", message: "Laying out" });
    else if (stage === "neighbours") context.reportProgress({ done: 0, total: 1, unit: "epochs", message: `Finding neighbours ${Math.floor((100 * done) / Math.max(total, 1))}%` });
    else context.reportProgress({ done: 0, total: 1, unit: "points", message: "Placing new points" });
  };
}
