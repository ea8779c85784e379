"use client";

import { type KeyboardEvent, type PointerEvent, useRef } from "react";
import { type GrowDirection, type SizeLimits, sizeAfterDrag, sizeAfterKey } from "./sash-math";
import styles from "./shell.module.css";

/**
 * A resizer between two areas: a focusable role="separator" that follows
 * pointer drags and the arrow keys (Home/End jump to the limits), and tells
 * assistive technology the current size within its range.
 */
export function Sash({
  label,
  controls,
  grow,
  size,
  limits,
  onResize,
  testId,
}: {
  label: string;
  /** Id of the area it resizes. */
  controls: string;
  grow: GrowDirection;
  size: number;
  limits: SizeLimits;
  onResize: (size: number) => void;
  testId?: string;
}) {
  const drag = useRef<{ pointerId: number; start: number; startSize: number } | null>(null);
  const coordinate = (event: PointerEvent) => (grow === "right" ? event.clientX : event.clientY);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    drag.current = { pointerId: event.pointerId, start: coordinate(event), startSize: size };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    onResize(sizeAfterDrag(current.startSize, current.start, coordinate(event), grow, limits));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointerId === event.pointerId) drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = sizeAfterKey(size, event.key, grow, limits);
    if (next === null) return;
    event.preventDefault();
    onResize(next);
  };

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-controls={controls}
      aria-orientation={grow === "right" ? "vertical" : "horizontal"}
      aria-valuenow={size}
      aria-valuemin={limits.min}
      aria-valuemax={limits.max}
      data-testid={testId}
      className={grow === "right" ? styles.sashVertical : styles.sashHorizontal}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
