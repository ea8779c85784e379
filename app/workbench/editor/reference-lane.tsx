"use client";

import { useCallback, useRef } from "react";
import { EMOTION_COLORS } from "../analysis/emotion-colors";
import styles from "./editor.module.css";
import { timeToX } from "./time-scale";
import type { TimelineSource } from "./timeline-source";
import { type TruthSpan, truthSpanAt } from "./truth-spans";
import { timeAtPointer, type LaneDraw, useLaneDrawing } from "./use-lane-drawing";

const UNKNOWN_COLOR = "#9aa4ae";

/**
 * The ground truth the corpus ships (metadata truth_spans) as coloured bars
 * on the same time axis as the curves, so a model can be read against it.
 */
export function ReferenceLane({ spans, source, height }: { spans: readonly TruthSpan[]; source: TimelineSource | null; height: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const draw = useCallback<LaneDraw>(
    (context, view, size) => {
      context.setTransform(size.pixelRatio, 0, 0, size.pixelRatio, 0, 0);
      context.clearRect(0, 0, size.width, size.height);
      context.font = "11px system-ui, sans-serif";
      context.textBaseline = "middle";
      for (const span of spans) {
        const x0 = timeToX(view, span.startSeconds);
        const x1 = timeToX(view, span.endSeconds);
        if (x1 < 0 || x0 > size.width) continue;
        context.fillStyle = span.canonical ? EMOTION_COLORS[span.canonical] : UNKNOWN_COLOR;
        context.globalAlpha = 0.75;
        context.fillRect(x0, 3, Math.max(1, x1 - x0), size.height - 6);
        context.globalAlpha = 1;
        const left = Math.max(0, x0) + 4;
        const room = Math.min(size.width, x1) - left - 4;
        if (room > 24) {
          context.fillStyle = "#ffffff";
          context.fillText(span.emotion, left, size.height / 2, room);
        }
      }
    },
    [spans],
  );
  useLaneDrawing(source, canvasRef, height, draw);

  const describe = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const canvas = canvasRef.current;
    if (!source || !canvas) return;
    const at = timeAtPointer(source, canvas, event.clientX);
    const span = at ? truthSpanAt(spans, at.seconds) : null;
    canvas.title = span ? `Truth: ${span.emotion} (${span.startSeconds.toFixed(2)}–${span.endSeconds.toFixed(2)} s)` : "";
  };
  const onClick = (event: React.MouseEvent<HTMLCanvasElement>) => {
    const canvas = canvasRef.current;
    if (!source || !canvas) return;
    const at = timeAtPointer(source, canvas, event.clientX);
    if (at) source.seekTo(at.seconds);
  };

  return (
    <section className={styles.lane} aria-label="Reference labels" data-testid="reference-lane" data-spans={spans.length}>
      <div className={styles.laneLabel}>
        <span>Reference (truth_spans from the corpus)</span>
      </div>
      <div className={styles.laneBody} style={{ height }}>
        <canvas ref={canvasRef} role="img" aria-label={`${spans.length} reference spans: ${summary(spans)}`} onPointerMove={describe} onClick={onClick} />
      </div>
    </section>
  );
}

/** "neutral × 12, sad × 3" for the canvas's accessible name. */
function summary(spans: readonly TruthSpan[]): string {
  const counts = new Map<string, number>();
  for (const span of spans) counts.set(span.emotion, (counts.get(span.emotion) ?? 0) + 1);
  return [...counts].map(([emotion, count]) => `${emotion} × ${count}`).join(", ");
}
