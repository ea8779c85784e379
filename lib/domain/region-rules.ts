import { formatSpan, formatTimecode, type TimeSpan } from "./label-edit-title";
import type { RegionConstraints } from "./label-state";

/**
 * Whether a region being drawn or moved may be saved. The editor checks while
 * the researcher drags; the label repository checks again before it writes,
 * so a stale tab or a script cannot store what the editor would refuse.
 */

export type RegionProblem = "not-finite" | "empty" | "outside" | "too-short" | "overlap";

export type RegionCheck =
  | { ok: true }
  | {
      ok: false;
      problem: RegionProblem;
      /** For the researcher, e.g. "Region 0:12.30–0:12.40 is shorter than the minimum 0.5 s". */
      message: string;
      /** The live region it overlaps, for problem "overlap". */
      conflictingRegionId?: string;
    };

export interface RegionCandidate extends TimeSpan {
  /** The region being moved (left out of the overlap check); a new region's id is not yet among the live ones. */
  id: string;
}

export interface RegionContext {
  /** The recording's other live regions (a deleted region blocks nothing). */
  liveRegions: readonly RegionCandidate[];
  durationSeconds: number;
  constraints?: RegionConstraints;
}

/**
 * Times come from pixels and float arithmetic; a region dragged to touch its
 * neighbour may end a few nanoseconds inside it. A microsecond is far below
 * one audio sample at 16 kHz (62.5 µs), so this hides nothing a person drew.
 */
const TOLERANCE_SECONDS = 1e-6;

export function checkRegion(candidate: RegionCandidate, context: RegionContext): RegionCheck {
  const { startSeconds: start, endSeconds: end } = candidate;
  const fail = (problem: RegionProblem, message: string, conflictingRegionId?: string): RegionCheck => ({
    ok: false,
    problem,
    message,
    ...(conflictingRegionId ? { conflictingRegionId } : {}),
  });
  if (!Number.isFinite(start) || !Number.isFinite(end)) {
    return fail("not-finite", `Region times must be numbers of seconds (got start ${start}, end ${end})`);
  }
  const span = formatSpan(candidate);
  if (!(end > start)) return fail("empty", `Region ${span} must end after it starts`);
  const duration = context.durationSeconds;
  if (start < -TOLERANCE_SECONDS || end > duration + TOLERANCE_SECONDS) {
    return fail("outside", `Region ${span} lies outside the recording (0:00.00–${formatTimecode(duration)})`);
  }
  const minSeconds = context.constraints?.minSeconds ?? 0;
  if (end - start < minSeconds - TOLERANCE_SECONDS) {
    return fail("too-short", `Region ${span} is shorter than the minimum ${formatSeconds(minSeconds)} s`);
  }
  if (context.constraints?.noOverlap) {
    const other = context.liveRegions.find(
      (region) => region.id !== candidate.id && start < region.endSeconds - TOLERANCE_SECONDS && region.startSeconds < end - TOLERANCE_SECONDS,
    );
    if (other) return fail("overlap", `Region ${span} overlaps region ${formatSpan(other)}`, other.id);
  }
  return { ok: true };
}

/** 0.5 → "0.5", 0.25 → "0.25", 1 → "1": the setting as the researcher typed it, without float noise. */
function formatSeconds(seconds: number): string {
  return String(Number(seconds.toFixed(3)));
}
