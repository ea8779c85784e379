/**
 * The one module that talks to regl-scatterplot. It loads the library on
 * demand (it touches `window`, and the workbench should not pay for it until
 * a projection opens), fills the gaps in its type declarations, serialises
 * its draw calls (a second `draw` while one runs is rejected by the library)
 * and reuses the spatial index when only the colours change.
 */
import type createScatterplot from "regl-scatterplot";

type Scatterplot = ReturnType<typeof createScatterplot>;
type ScatterplotProperties = NonNullable<Parameters<typeof createScatterplot>[0]>;

/** Options the library accepts but its declarations (1.16.0) leave out. */
interface UndeclaredOptions {
  lassoType: "freeform" | "rectangle" | "brush";
  actionKeyMap: Partial<Record<"lasso" | "rotate" | "merge" | "remove", "alt" | "cmd" | "ctrl" | "meta" | "shift">>;
  mouseMode: "panZoom" | "lasso" | "rotate";
  deselectOnEscape: boolean;
  deselectOnDblClick: boolean;
}
type Settings = Partial<ScatterplotProperties & UndeclaredOptions>;

export type SelectionTool = "lasso" | "box";
export type DragAction = "pan" | "select";

export interface EngineTheme {
  background: string;
  selected: string;
  hovered: string;
}

export interface EngineEvents {
  onSelect(points: number[]): void;
  onDeselect(): void;
  onHover(index: number | null): void;
  /** Every drawn frame, synchronously inside it, with the camera's view matrix. */
  onFrame(view: ArrayLike<number>): void;
  /** After the user (not setView) changed the camera. */
  onViewChange(view: ArrayLike<number>): void;
}

export interface DrawRequest {
  x: Float32Array;
  y: Float32Array;
  /** Per point, an index into the palette. */
  codes: Float32Array;
  /** Whether x and y are the ones drawn last, so the spatial index can be kept. */
  samePositions: boolean;
  select: readonly number[];
  /** Visible point indices (ascending), or null for all. */
  filter: readonly number[] | null;
}

export interface ScatterEngine {
  draw(request: DrawRequest): Promise<void>;
  setPalette(colors: readonly string[]): Promise<void>;
  setStyle(style: { pointSize: number; opacity: number }): Promise<void>;
  setTheme(theme: EngineTheme): Promise<void>;
  setInteraction(tool: SelectionTool, drag: DragAction): Promise<void>;
  select(indices: readonly number[]): Promise<void>;
  filter(visible: readonly number[] | null): Promise<void>;
  selectedCount(): number;
  hoveredPoint(): number | null;
  view(): number[];
  setView(view: ArrayLike<number>): void;
  fitView(): Promise<void>;
  zoomToPoints(indices: readonly number[]): Promise<void>;
  destroy(): void;
}

/**
 * Why WebGL cannot be used here, or null when it can. The library itself
 * would throw a TypeError deep inside when getContext returns null.
 */
export function probeWebGl(): string | null {
  try {
    const canvas = document.createElement("canvas");
    const gl = canvas.getContext("webgl");
    if (!gl) return "the browser returned no WebGL context (hardware acceleration may be turned off, or the GPU is blocklisted)";
    const missing = ["OES_texture_float", "OES_element_index_uint"].filter((extension) => !gl.getExtension(extension));
    gl.getExtension("WEBGL_lose_context")?.loseContext();
    if (missing.length > 0) return `the browser's WebGL lacks ${missing.join(" and ")}`;
    return null;
  } catch (error) {
    return `creating a WebGL context failed (${error instanceof Error ? error.message : String(error)})`;
  }
}

export async function createScatterEngine(canvas: HTMLCanvasElement, events: EngineEvents): Promise<ScatterEngine> {
  const { default: create } = await import("regl-scatterplot");
  const initial: Settings = {
    canvas,
    width: "auto",
    height: "auto",
    // The page behind the canvas shows through; `backgroundColor` only pads selected points' outlines.
    deselectOnEscape: false,
    deselectOnDblClick: true,
    actionKeyMap: { lasso: "shift", merge: isMac() ? "cmd" : "ctrl", remove: "alt" },
    lassoMinDelay: 10,
    lassoMinDist: 2,
    opacityInactiveScale: 0.6,
    pointSizeSelected: 2,
    pointOutlineWidth: 1,
  };
  const plot: Scatterplot = create(initial as ScatterplotProperties);
  const set = (settings: Settings) => plot.set(settings as Parameters<Scatterplot["set"]>[0]);
  // "init" comes once the canvas has its size (a frame later); the camera fit needs that size.
  const initialised = new Promise<void>((resolve) => plot.subscribe("init", () => resolve(), 1));

  let chain: Promise<unknown> = initialised;
  // Each operation starts when the one before it has settled, success or not.
  const enqueue = <T>(operation: () => Promise<T> | T): Promise<T> => {
    const next = chain.then(operation, operation);
    chain = next.catch(() => undefined);
    return next;
  };

  let spatialIndex: ArrayBuffer | undefined;
  let destroyed = false;

  plot.subscribe("select", ({ points }) => events.onSelect([...points]));
  plot.subscribe("deselect", () => events.onDeselect());
  plot.subscribe("pointOver", (index) => events.onHover(index));
  plot.subscribe("pointOut", () => events.onHover(null));
  plot.subscribe("drawing", ({ view }) => events.onFrame(view));
  // setView passes preventEvent, so this hears only the user's pans and zooms (and fitView).
  plot.subscribe("view", ({ view }) => events.onViewChange(view));

  return {
    draw: (request) =>
      enqueue(async () => {
        if (destroyed) return;
        const reuse = request.samePositions && spatialIndex !== undefined;
        await plot.draw(
          { x: request.x, y: request.y, valueA: request.codes },
          {
            zDataType: "categorical",
            spatialIndex: reuse ? spatialIndex : undefined,
            preventFilterReset: false,
            // The library keeps (and later splices) the arrays it is given: hand it copies.
            select: request.select.length > 0 ? [...request.select] : undefined,
            filter: request.filter ? [...request.filter] : undefined,
          },
        );
        if (!destroyed) spatialIndex = plot.get("spatialIndex");
      }),
    setPalette: (colors) => enqueue(() => set({ pointColor: [...colors], colorBy: "valueA" })),
    setStyle: ({ pointSize, opacity }) => enqueue(() => set({ pointSize, opacity: Math.min(1, Math.max(0.01, opacity)) })),
    setTheme: (theme) => enqueue(() => set({ backgroundColor: theme.background, pointColorActive: theme.selected, pointColorHover: theme.hovered, lassoColor: theme.selected })),
    setInteraction: (tool, drag) => enqueue(() => set({ lassoType: tool === "box" ? "rectangle" : "freeform", mouseMode: drag === "select" ? "lasso" : "panZoom" })),
    select: (indices) =>
      enqueue(() => {
        if (!plot.get("isPointsDrawn")) return;
        if (indices.length === 0) plot.deselect({ preventEvent: true });
        else plot.select([...indices], { preventEvent: true });
      }),
    filter: (visible) =>
      enqueue(async () => {
        if (!plot.get("isPointsDrawn")) return;
        if (visible) await plot.filter([...visible], { preventEvent: true });
        else await plot.unfilter({ preventEvent: true });
      }),
    selectedCount: () => plot.get("selectedPoints").length,
    hoveredPoint: () => {
      const index = plot.get("hoveredPoint");
      return typeof index === "number" && index >= 0 ? index : null;
    },
    view: () => Array.from(plot.get("cameraView")),
    setView: (view) => plot.view(Array.from(view), { preventEvent: true }),
    // Not zoomToArea: without points it waits for a frame that never comes, and would stall the queue.
    // The normalised square fits at distance 1 in a wide canvas and height / width in a tall one.
    fitView: () =>
      enqueue(() => {
        const { width, height } = canvas.getBoundingClientRect();
        return set({ cameraTarget: [0, 0], cameraDistance: width > 0 && height > width ? height / width : 1 });
      }),
    zoomToPoints: async (indices) => {
      if (indices.length > 0 && plot.get("isPointsDrawn")) await plot.zoomToPoints([...indices], { padding: 0.2, transition: true });
    },
    destroy: () => {
      destroyed = true;
      plot.destroy();
    },
  };
}

function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}
