import { type Affine, applyAffine } from "./scatter-camera";

/** Outlines and a path in normalised plot coordinates, drawn on a 2D canvas above the WebGL points. */
export interface OverlayScene {
  outlines: readonly { polygon: Float32Array; color: string; label?: string }[];
  path: { points: Float32Array; color: string } | null;
  /** Behind label text, so labels stay readable over dense points. */
  haloColor: string;
}

const ARROW_LENGTH = 9;
const ARROW_WIDTH = 7;

export function isEmptyScene(scene: OverlayScene): boolean {
  return scene.outlines.length === 0 && (scene.path === null || scene.path.points.length < 4);
}

/** Clears the canvas and draws the scene under the camera's current map; the canvas is `width` × `height` CSS pixels at `pixelRatio`. */
export function drawOverlay(context: CanvasRenderingContext2D, scene: OverlayScene, affine: Affine, pixelRatio: number): void {
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, context.canvas.width, context.canvas.height);
  context.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  context.lineJoin = "round";
  context.lineCap = "round";
  for (const outline of scene.outlines) drawOutline(context, outline, affine, scene.haloColor);
  if (scene.path) drawPath(context, scene.path, affine);
}

function drawOutline(context: CanvasRenderingContext2D, outline: OverlayScene["outlines"][number], affine: Affine, halo: string): void {
  const { polygon } = outline;
  if (polygon.length < 2) return;
  context.beginPath();
  let labelX = 0;
  let labelY = Number.POSITIVE_INFINITY;
  for (let index = 0; index + 1 < polygon.length; index += 2) {
    const [x, y] = applyAffine(affine, polygon[index]!, polygon[index + 1]!);
    if (index === 0) context.moveTo(x, y);
    else context.lineTo(x, y);
    if (y < labelY) {
      labelY = y;
      labelX = x;
    }
  }
  context.closePath();
  context.globalAlpha = 0.07;
  context.fillStyle = outline.color;
  context.fill();
  context.globalAlpha = 1;
  context.strokeStyle = outline.color;
  context.lineWidth = 1.5;
  context.stroke();
  if (!outline.label) return;
  context.font = "600 12px system-ui, -apple-system, 'Segoe UI', sans-serif";
  context.textAlign = "center";
  context.textBaseline = "bottom";
  context.lineWidth = 3;
  context.strokeStyle = halo;
  context.strokeText(outline.label, labelX, labelY - 4);
  context.fillStyle = outline.color;
  context.fillText(outline.label, labelX, labelY - 4);
}

/** A polyline through the points with an arrowhead halfway along each segment long enough to hold one, and a dot at the start. */
function drawPath(context: CanvasRenderingContext2D, path: NonNullable<OverlayScene["path"]>, affine: Affine): void {
  const screen: [number, number][] = [];
  for (let index = 0; index + 1 < path.points.length; index += 2) screen.push(applyAffine(affine, path.points[index]!, path.points[index + 1]!));
  if (screen.length < 2) return;
  context.strokeStyle = path.color;
  context.fillStyle = path.color;
  context.lineWidth = 2;
  context.beginPath();
  screen.forEach(([x, y], index) => (index === 0 ? context.moveTo(x, y) : context.lineTo(x, y)));
  context.stroke();
  context.beginPath();
  context.arc(screen[0]![0], screen[0]![1], 3.5, 0, 2 * Math.PI);
  context.fill();
  for (let index = 1; index < screen.length; index++) {
    const [x0, y0] = screen[index - 1]!;
    const [x1, y1] = screen[index]!;
    const length = Math.hypot(x1 - x0, y1 - y0);
    if (length < ARROW_LENGTH * 2) continue;
    const ux = (x1 - x0) / length;
    const uy = (y1 - y0) / length;
    const tipX = (x0 + x1) / 2 + (ux * ARROW_LENGTH) / 2;
    const tipY = (y0 + y1) / 2 + (uy * ARROW_LENGTH) / 2;
    context.beginPath();
    context.moveTo(tipX, tipY);
    context.lineTo(tipX - ux * ARROW_LENGTH - (uy * ARROW_WIDTH) / 2, tipY - uy * ARROW_LENGTH + (ux * ARROW_WIDTH) / 2);
    context.lineTo(tipX - ux * ARROW_LENGTH + (uy * ARROW_WIDTH) / 2, tipY - uy * ARROW_LENGTH - (ux * ARROW_WIDTH) / 2);
    context.closePath();
    context.fill();
  }
}
