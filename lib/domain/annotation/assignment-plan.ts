import { AppError } from "../app-error";
import { createSeededRandom } from "../statistics/seeded-random";

/**
 * Distributes recordings among annotators: every recording to one annotator,
 * and an `overlapShare` of them (chosen by a seeded shuffle) to
 * `overlapAnnotators` annotators, which is what agreement is measured on.
 * Work is balanced: each recording goes to the annotators with the fewest
 * recordings so far (ties by a seeded order), so counts differ by at most one
 * per round. The same inputs and seed give the same plan.
 */

export interface AssignmentPlanRequest {
  recordingIds: readonly string[];
  annotatorIds: readonly string[];
  /** 0 to 1: the share of recordings labelled by several annotators. */
  overlapShare: number;
  /** How many annotators label an overlapping recording; 2 unless given, at most the number of annotators. */
  overlapAnnotators?: number;
  seed: number;
}

export interface PlannedAssignment {
  recordingId: string;
  annotatorId: string;
}

export class AssignmentPlanError extends AppError {
  override readonly name = "AssignmentPlanError";
  readonly code = "ASSIGNMENT_INVALID";
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

export function planAssignments(request: AssignmentPlanRequest): PlannedAssignment[] {
  const annotators = [...new Set(request.annotatorIds)];
  if (annotators.length === 0) throw new AssignmentPlanError("Choose at least one annotator.");
  if (!(request.overlapShare >= 0 && request.overlapShare <= 1)) throw new AssignmentPlanError(`The overlap share must be between 0 and 1, not ${request.overlapShare}.`);
  const perOverlap = request.overlapAnnotators ?? 2;
  if (!Number.isInteger(perOverlap) || perOverlap < 2) throw new AssignmentPlanError("An overlapping recording needs at least 2 annotators.");
  if (request.overlapShare > 0 && perOverlap > annotators.length) {
    throw new AssignmentPlanError(`An overlap of ${perOverlap} annotators per recording needs at least ${perOverlap} annotators; ${annotators.length} chosen.`);
  }
  const random = createSeededRandom(request.seed);
  const recordings = shuffled([...new Set(request.recordingIds)], random);
  const overlapCount = Math.round(recordings.length * request.overlapShare);
  const load = new Map(shuffled(annotators, random).map((annotator, order) => [annotator, { count: 0, order }]));
  const plan: PlannedAssignment[] = [];
  recordings.forEach((recordingId, index) => {
    const wanted = index < overlapCount ? perOverlap : 1;
    const chosen = [...load.entries()].sort(([, a], [, b]) => a.count - b.count || a.order - b.order).slice(0, wanted);
    for (const [annotatorId, state] of chosen) {
      state.count++;
      plan.push({ recordingId, annotatorId });
    }
  });
  return plan;
}
