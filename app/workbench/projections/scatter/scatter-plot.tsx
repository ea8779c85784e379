"use client";

import { type KeyboardEvent, type Ref, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef } from "react";
import { assertColoringFits, type ScatterColoring, toColorTable, visiblePointIndices } from "../../../../lib/domain/scatter/scatter-coloring";
import { fitTransform, normaliseCoordinates, pointCountOf } from "../../../../lib/domain/scatter/scatter-fit";
import type { DragAction, ScatterEngine, SelectionTool } from "./regl-scatter-adapter";
import styles from "./scatter-plot.module.css";
import { composePng } from "./scatter-png";
import { type ScatterEngineListeners, useScatterEngine } from "./use-scatter-engine";
import { useScatterOverlay } from "./use-scatter-overlay";
import { useThemeColors } from "./use-theme-colors";

/** A camera position, to hand from one plot to another (linked views). Opaque: the 4×4 view matrix in normalised space. */
export interface ScatterView {
  readonly matrix: readonly number[];
}

export interface ScatterPlotHandle {
  /** The current view (points, outlines, path, selection) at the device pixel ratio, on the theme's background. */
  exportPng(): Promise<Blob>;
  /** Fits all points into view. */
  resetView(): void;
  getView(): ScatterView | null;
  setView(view: ScatterView): void;
  zoomToPoints(indices: readonly number[]): void;
}

export interface ScatterOutline {
  /** Data-space x, y pairs of a closed polygon (e.g. a convexHull). */
  polygon: Float32Array;
  color: string;
  label?: string;
}

export interface ScatterPlotProps {
  /** x, y pairs in data space, any range. */
  coordinates: Float32Array;
  coloring: ScatterColoring;
  /** Legend codes not drawn and not selectable (MISSING_CODE for missing values). */
  hidden?: ReadonlySet<number>;
  /** Point diameter in CSS pixels at the initial zoom. */
  pointSize: number;
  opacity: number;
  /** Selected point indices (controlled). */
  selection: readonly number[];
  onSelectionChange(indices: number[]): void;
  /** What Shift-drag (or any drag, with dragAction "select") draws: a freehand lasso or a rectangle. */
  selectionTool: SelectionTool;
  /** What a plain drag does; default "pan". */
  dragAction?: DragAction;
  /** The point under the pointer, at most once per animation frame; null when it leaves. */
  onHover?(index: number | null, clientX: number, clientY: number): void;
  onPointClick?(index: number): void;
  /** After the user pans or zooms, at most once per animation frame. */
  onViewChange?(view: ScatterView): void;
  /** After the points are uploaded and drawn: how long the draw call took. */
  onDrawn?(info: { points: number; milliseconds: number }): void;
  outlines?: readonly ScatterOutline[];
  /** A path through these points in order, with arrowheads (a patient's sessions through the projection). */
  highlightPath?: { indices: readonly number[]; color: string };
  ariaLabel: string;
  className?: string;
  ref?: Ref<ScatterPlotHandle>;
}

/**
 * A WebGL scatter plot for projections of up to a million points
 * (regl-scatterplot). Data-agnostic: positions, a colouring, a legend filter
 * and a controlled selection in; selection, hover and clicks out. Drag pans,
 * the wheel zooms, Shift-drag selects (lasso or box), Ctrl/⌘ adds to the
 * selection, Alt removes from it, Escape clears it, a double click on empty
 * space too. Outlines and a highlighted path are drawn on a 2D canvas above,
 * redrawn in the same frame as the points.
 */
export function ScatterPlot(props: ScatterPlotProps) {
  const { coordinates, coloring, hidden, pointSize, opacity, selection, selectionTool, dragAction = "pan", outlines, highlightPath, ariaLabel, className, ref } = props;
  const wrapperRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const theme = useThemeColors(wrapperRef);

  const prepared = useMemo(() => {
    try {
      const count = pointCountOf(coordinates);
      const transform = fitTransform(coordinates);
      return { ok: true as const, count, transform, ...normaliseCoordinates(coordinates, transform) };
    } catch (error) {
      return { ok: false as const, message: messageOf(error) };
    }
  }, [coordinates]);
  const colorTable = useMemo(() => {
    if (!prepared.ok) return null;
    try {
      assertColoringFits(coloring, prepared.count);
      return { ok: true as const, ...toColorTable(coloring) };
    } catch (error) {
      return { ok: false as const, message: messageOf(error) };
    }
  }, [coloring, prepared]);
  const visible = useMemo(() => visiblePointIndices(coloring, hidden), [coloring, hidden]);
  const inputProblem = !prepared.ok ? prepared.message : colorTable && !colorTable.ok ? colorTable.message : null;

  // What the engine was last given, so effects send only what changed.
  const applied = useRef<Applied>(nothingApplied());
  const latest = useRef({ props, selection, visible });
  useLayoutEffect(() => {
    latest.current = { props, selection, visible };
  });

  const writeSelectedCount = (engine: ScatterEngine) => {
    if (wrapperRef.current) wrapperRef.current.dataset.selected = String(engine.selectedCount());
  };
  const listeners = useRef<ScatterEngineListeners>(null!);
  const { engine, failure, setFailure } = useScatterEngine(canvasRef, listeners);
  const redrawOverlay = useScatterOverlay(canvasRef, overlayRef, {
    engine,
    transform: prepared.ok ? prepared.transform : null,
    coordinates,
    outlines,
    highlightPath,
    haloColor: theme.background,
  });
  useLayoutEffect(() => {
    listeners.current = {
      onSelection: (points, current) => {
        applied.current.selection = points;
        writeSelectedCount(current);
        latest.current.props.onSelectionChange(points);
      },
      onHover: (index, clientX, clientY) => latest.current.props.onHover?.(index, clientX, clientY),
      onPointClick: (index) => latest.current.props.onPointClick?.(index),
      onViewChange: (matrix) => latest.current.props.onViewChange?.({ matrix }),
      onFrame: (view) => redrawOverlay(view),
    };
  });

  // A new engine (remount, or React's development double mount) has been given nothing yet.
  useEffect(() => {
    applied.current = nothingApplied();
  }, [engine]);

  // Style before points: these effects run first, so a new engine draws its first frame once, already styled
  // (each setting changed after the points are up costs a frame, and a frame of a million points on a
  // software renderer costs more than a second).
  useEffect(() => {
    if (engine) void engine.setStyle({ pointSize, opacity });
  }, [engine, pointSize, opacity]);

  useEffect(() => {
    if (engine) void engine.setInteraction(selectionTool, dragAction);
  }, [engine, selectionTool, dragAction]);

  useEffect(() => {
    if (engine) void engine.setTheme({ background: theme.background, selected: theme.accent, hovered: theme.foreground });
  }, [engine, theme]);

  // Positions and colours. A new colouring on the same positions redraws with the kept spatial index;
  // a new palette for the same codes only replaces the colour texture.
  useEffect(() => {
    if (!engine || !prepared.ok || !colorTable?.ok) return;
    const last = applied.current;
    const samePositions = last.prepared === prepared;
    const sameCodes = samePositions && last.codes !== null && sameNumbers(last.codes, colorTable.codes);
    if (!sameStrings(last.palette, colorTable.palette)) void engine.setPalette(colorTable.palette);
    last.palette = colorTable.palette;
    if (sameCodes) return;
    last.prepared = prepared;
    last.codes = colorTable.codes;
    last.filter = latest.current.visible;
    last.selection = latest.current.selection;
    const started = performance.now();
    // New positions: fit the camera before the points arrive, so the first frame is the right one.
    if (!samePositions) void engine.fitView();
    engine
      .draw({ x: prepared.x, y: prepared.y, codes: colorTable.codes, samePositions, select: latest.current.selection, filter: latest.current.visible })
      .then(() => {
        writeSelectedCount(engine);
        if (wrapperRef.current) wrapperRef.current.dataset.ready = "true";
        redrawOverlay(engine.view(), true);
        latest.current.props.onDrawn?.({ points: prepared.count, milliseconds: performance.now() - started });
      })
      .catch((error: unknown) => setFailure(`The scatter plot could not draw its points: ${messageOf(error)}`));
  }, [engine, prepared, colorTable, redrawOverlay, setFailure]);

  useEffect(() => {
    if (!engine || applied.current.filter === visible) return;
    applied.current.filter = visible;
    void engine.filter(visible).then(() => {
      writeSelectedCount(engine);
      // Hidden points leave the selection (the library drops them without an event).
      if (!visible || engine.selectedCount() === applied.current.selection.length) return;
      const kept = applied.current.selection.filter((index) => sortedIncludes(visible, index));
      applied.current.selection = kept;
      latest.current.props.onSelectionChange(kept);
    });
  }, [engine, visible]);

  useEffect(() => {
    if (!engine || applied.current.selection === selection || sameNumbers(applied.current.selection, selection)) return;
    applied.current.selection = selection;
    void engine.select(selection).then(() => writeSelectedCount(engine));
  }, [engine, selection]);

  useImperativeHandle(
    ref,
    () => ({
      exportPng: () => {
        const canvas = canvasRef.current;
        const overlay = overlayRef.current;
        if (!canvas || !overlay || !engine) return Promise.reject(new Error("the scatter plot is not drawn yet"));
        return composePng([canvas, overlay], theme.background);
      },
      resetView: () => void engine?.fitView(),
      getView: () => (engine ? { matrix: engine.view() } : null),
      setView: (view) => engine?.setView(view.matrix),
      zoomToPoints: (indices) => void engine?.zoomToPoints(indices),
    }),
    [engine, theme.background],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !engine || engine.selectedCount() === 0) return;
    event.preventDefault();
    applied.current.selection = [];
    void engine.select([]).then(() => writeSelectedCount(engine));
    props.onSelectionChange([]);
  };

  const problem = failure ?? inputProblem;
  const pointCount = prepared.ok ? prepared.count : 0;
  return (
    <div
      ref={wrapperRef}
      className={className ? `${styles.plot} ${className}` : styles.plot}
      data-testid="scatter-plot"
      data-points={pointCount}
      data-visible={visible ? visible.length : pointCount}
    >
      <canvas ref={canvasRef} className={styles.canvas} tabIndex={0} role="img" aria-label={ariaLabel} onKeyDown={onKeyDown} hidden={problem !== null} />
      <canvas ref={overlayRef} className={styles.overlay} aria-hidden="true" />
      {problem !== null && (
        <div className={styles.failure} role="alert">
          <p>
            <strong>Cannot show the scatter plot.</strong> {problem}
          </p>
        </div>
      )}
    </div>
  );
}

interface Applied {
  prepared: unknown;
  codes: Float32Array | null;
  palette: readonly string[];
  filter: readonly number[] | null;
  selection: readonly number[];
}

function nothingApplied(): Applied {
  return { prepared: null, codes: null, palette: [], filter: null, selection: [] };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sameNumbers(first: ArrayLike<number>, second: ArrayLike<number>): boolean {
  if (first.length !== second.length) return false;
  for (let index = 0; index < first.length; index++) if (first[index] !== second[index]) return false;
  return true;
}

function sameStrings(first: readonly string[], second: readonly string[]): boolean {
  return first.length === second.length && first.every((value, index) => value === second[index]);
}

function sortedIncludes(sorted: readonly number[], value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = sorted[middle]!;
    if (candidate === value) return true;
    if (candidate < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
