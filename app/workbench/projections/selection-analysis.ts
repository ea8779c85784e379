import { CANONICAL_LABELS } from "@/lib/domain/emotion-labels";
import { chiSquareIndependence, type ChiSquareResult } from "@/lib/domain/statistics/chi-square";
import type { ProjectionPointsPayload } from "../api-types";

/**
 * "Compare with the rest": the emotion make-up of a selection of points
 * against the points not selected. Each point counts once with its human
 * label where it has one, the model's prediction otherwise (counted
 * separately, so the view can say how many of each). Points are the unit
 * here (recordings or regions), not patients: the view says so, and points to
 * the cohort comparison for per-patient statistics.
 */

export interface GroupEmotionCounts {
  points: number;
  human: number;
  model: number;
  /** None of either. */
  unlabelled: number;
  /** Per canonical label, in CANONICAL_LABELS order. */
  counts: number[];
}

export interface SelectionComparison {
  selection: GroupEmotionCounts;
  rest: GroupEmotionCounts;
  /** Chi-square of independence on the 2 × emotion table; null when either group has no labelled point. */
  test: ChiSquareResult | null;
}

function countGroup(points: ProjectionPointsPayload, indices: Iterable<number>): GroupEmotionCounts {
  const group: GroupEmotionCounts = { points: 0, human: 0, model: 0, unlabelled: 0, counts: CANONICAL_LABELS.map(() => 0) };
  for (const index of indices) {
    group.points += 1;
    const human = points.humanEmotion[index];
    const model = points.modelEmotion[index];
    const label = human ?? model;
    const column = label ? (CANONICAL_LABELS as readonly string[]).indexOf(label) : -1;
    if (column < 0) {
      group.unlabelled += 1;
      continue;
    }
    if (human) group.human += 1;
    else group.model += 1;
    group.counts[column]! += 1;
  }
  return group;
}

export function compareSelectionWithRest(points: ProjectionPointsPayload, selected: ReadonlySet<number>): SelectionComparison {
  const rest: number[] = [];
  for (let index = 0; index < points.count; index++) if (!selected.has(index)) rest.push(index);
  const selection = countGroup(points, selected);
  const others = countGroup(points, rest);
  const labelled = (group: GroupEmotionCounts) => group.counts.some((count) => count > 0);
  return { selection, rest: others, test: labelled(selection) && labelled(others) ? chiSquareIndependence([selection.counts, others.counts]) : null };
}

/**
 * One patient's points in session order (date, then the session code; points
 * without a session last), for drawing their path through the projection.
 */
export function patientPathIndices(points: ProjectionPointsPayload, patientId: string): number[] {
  const indices: number[] = [];
  for (let index = 0; index < points.count; index++) if (points.patientIds[index] === patientId) indices.push(index);
  const collator = new Intl.Collator(undefined, { numeric: true });
  const key = (index: number) => [points.sessionDates[index] ?? "\uffff", points.sessions[index] ?? "\uffff", points.startSeconds[index] ?? 0] as const;
  return indices.sort((a, b) => {
    const [dateA, sessionA, startA] = key(a);
    const [dateB, sessionB, startB] = key(b);
    return collator.compare(dateA, dateB) || collator.compare(sessionA, sessionB) || startA - startB || a - b;
  });
}

/** The patients present in the projection, by code, for the trajectory picker. */
export function patientsInProjection(points: ProjectionPointsPayload): { id: string; code: string; points: number }[] {
  const byId = new Map<string, { id: string; code: string; points: number }>();
  for (let index = 0; index < points.count; index++) {
    const id = points.patientIds[index];
    if (!id) continue;
    const entry = byId.get(id) ?? { id, code: points.patients[index] ?? id, points: 0 };
    entry.points += 1;
    byId.set(id, entry);
  }
  const collator = new Intl.Collator(undefined, { numeric: true });
  return [...byId.values()].sort((a, b) => collator.compare(a.code, b.code));
}
