"use client";

import type { NotebookViewSpec } from "@/lib/domain/notebook/notebook-cell";
import { ComparisonView } from "./comparison-view";
import { ProjectionView } from "./projection-view";
import { RecordingRangeView } from "./recording-range-view";
import { TrajectoryView } from "./trajectory-view";

/**
 * A notebook view cell: the live view its spec pins, read-only, in a
 * container with data-view-kind (and data-state: loading, ready, error) that
 * captureViewPng can draw. `onOpen` opens the same thing in its editor tab;
 * without it there is no "Open in editor" button.
 */
export function NotebookViewCell({ view, onOpen }: { view: NotebookViewSpec; onOpen?(): void }) {
  switch (view.kind) {
    case "recording":
      return <RecordingRangeView key={`${view.recordingId}:${view.startSeconds}:${view.endSeconds}`} view={view} onOpen={onOpen} />;
    case "projection":
      return <ProjectionView key={view.projectionId} view={view} onOpen={onOpen} />;
    case "comparison":
      return <ComparisonView view={view} onOpen={onOpen} />;
    case "trajectory":
      return <TrajectoryView key={view.patientId} view={view} onOpen={onOpen} />;
  }
}
