"use client";

import { useEffect, useRef } from "react";
import styles from "./editor.module.css";
import { timeToX } from "./time-scale";
import { frameBatcher, type TimelineSource } from "./timeline-source";

/**
 * The playhead across the lanes, moved by a transform in an animation frame
 * on every time or view change: playback never re-renders React.
 */
export function LanesPlayhead({ source }: { source: TimelineSource | null }) {
  const lineRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const line = lineRef.current;
    if (!source || !line) return;
    const batcher = frameBatcher(() => {
      const view = source.getView();
      if (!view) return;
      const x = timeToX(view, source.getCurrentTime());
      const visible = x >= 0 && x <= view.widthPx;
      line.style.display = visible ? "block" : "none";
      if (visible) line.style.transform = `translateX(${x - 1}px)`;
    });
    const unsubscribeTime = source.subscribeTime(batcher.schedule);
    const unsubscribeView = source.subscribeView(batcher.schedule);
    batcher.schedule();
    return () => {
      unsubscribeTime();
      unsubscribeView();
      batcher.cancel();
    };
  }, [source]);
  return <div ref={lineRef} className={styles.playhead} data-testid="lanes-playhead" aria-hidden="true" />;
}
