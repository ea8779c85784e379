import { captureFrame, captureScale, type LayerBox, placeInFrame } from "./capture-layout";
import { ViewCaptureError } from "./view-capture-error";

/**
 * PNGs of what a view cell shows, for the notebook's exports (.ipynb and
 * HTML carry the view as a picture). Browser only.
 *
 * A view is drawn on canvases (waveform, curves, time axis, the scatter) and
 * inline SVGs (the cohort charts); HTML text around them (headings, tables)
 * is not part of the picture. The scatter needs no special handling:
 * regl-scatterplot renders in its own WebGL context (created with
 * preserveDrawingBuffer) and copies each frame onto the 2D canvas we give it,
 * which is what the projection editor's PNG export (scatter-png.ts) also reads.
 * A canvas holding a WebGL context of its own without preserveDrawingBuffer
 * would come out blank.
 */

const SVG_NS = "http://www.w3.org/2000/svg";

/** What an SVG's classes and CSS variables set that an <img> of it cannot see: written onto each element. */
const SVG_STYLE_PROPERTIES = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "text-anchor",
  "dominant-baseline",
  "visibility",
  "display",
] as const;

type Layer = { kind: "canvas"; element: HTMLCanvasElement; box: LayerBox } | { kind: "svg"; element: SVGSVGElement; box: LayerBox };

/**
 * The canvases and inline SVGs inside `container`, drawn in document order
 * where they sit on screen, over the view's background, at the device pixel
 * ratio: a PNG as base64 (no `data:` prefix), or null when nothing in it is
 * drawn (still loading, or an error message only). Throws ViewCaptureError
 * when the browser refuses to draw or encode it.
 */
export async function captureViewPng(container: HTMLElement): Promise<string | null> {
  const layers = drawableLayers(container);
  const frame = captureFrame(layers.map((layer) => layer.box));
  if (!frame) return null;
  const scale = captureScale(frame, window.devicePixelRatio || 1);
  const { canvas, context } = makeCanvas(Math.round(frame.width * scale), Math.round(frame.height * scale));
  context.fillStyle = backgroundOf(container);
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(scale, scale);
  for (const layer of layers) {
    if (!(layer.box.width > 0 && layer.box.height > 0)) continue;
    const place = placeInFrame(layer.box, frame);
    if (layer.kind === "canvas") {
      context.drawImage(layer.element, place.left, place.top, place.width, place.height);
    } else {
      const image = await loadImage(svgDataUrl(inlineSvgStyles(layer.element, layer.box)), "a chart of the view");
      context.drawImage(image, place.left, place.top, place.width, place.height);
    }
  }
  return pngBase64(canvas);
}

/**
 * An SVG document (a chart cell's output) as a PNG of `width` × `height`
 * pixels, base64 without the `data:` prefix. Styles must be inline or in the
 * SVG's own <style>: the page's stylesheets do not reach an image.
 * `background` fills behind it (default: transparent).
 */
export async function svgToPngBase64(svg: string, width: number, height: number, background?: string): Promise<string> {
  const pixelsWide = Math.round(width);
  const pixelsHigh = Math.round(height);
  if (!(pixelsWide > 0 && pixelsHigh > 0)) throw new ViewCaptureError(`cannot draw a chart of ${width} × ${height} pixels: both sides must be at least 1.`);
  const image = await loadImage(svgDataUrl(withSvgNamespace(svg)), "the chart's SVG");
  const { canvas, context } = makeCanvas(pixelsWide, pixelsHigh);
  if (background) {
    context.fillStyle = background;
    context.fillRect(0, 0, pixelsWide, pixelsHigh);
  }
  context.drawImage(image, 0, 0, pixelsWide, pixelsHigh);
  return pngBase64(canvas);
}

function drawableLayers(container: HTMLElement): Layer[] {
  const layers: Layer[] = [];
  for (const element of container.querySelectorAll<HTMLCanvasElement | SVGSVGElement>("canvas, svg")) {
    // An SVG inside another is drawn with its parent.
    if (element instanceof SVGSVGElement && element.parentElement?.closest("svg")) continue;
    if (getComputedStyle(element).visibility === "hidden") continue;
    const rect = element.getBoundingClientRect();
    const box = { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
    if (element instanceof HTMLCanvasElement) {
      if (element.width > 0 && element.height > 0) layers.push({ kind: "canvas", element, box });
    } else {
      layers.push({ kind: "svg", element, box });
    }
  }
  return layers;
}

/** A copy of `svg` at its size on screen, with the computed styles written on each element (class rules and var() resolved). */
function inlineSvgStyles(svg: SVGSVGElement, box: LayerBox): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll("*")];
  const copies = [copy, ...copy.querySelectorAll("*")];
  originals.forEach((original, index) => {
    const target = copies[index];
    if (!target) return;
    const computed = getComputedStyle(original);
    const declarations = SVG_STYLE_PROPERTIES.map((property) => [property, computed.getPropertyValue(property)] as const)
      .filter(([, value]) => value !== "")
      .map(([property, value]) => `${property}:${value}`);
    target.setAttribute("style", declarations.join(";"));
  });
  copy.setAttribute("xmlns", SVG_NS);
  copy.setAttribute("width", String(box.width));
  copy.setAttribute("height", String(box.height));
  return new XMLSerializer().serializeToString(copy);
}

/** An <img> loads an SVG only with its namespace declared. */
function withSvgNamespace(svg: string): string {
  const trimmed = svg.trim();
  const open = /<svg\b[^>]*>/i.exec(trimmed);
  if (!open) throw new ViewCaptureError("cannot draw the chart: its SVG has no <svg> element.");
  if (/\sxmlns\s*=/.test(open[0])) return trimmed;
  return trimmed.replace(/<svg\b/i, `<svg xmlns="${SVG_NS}"`);
}

function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

async function loadImage(url: string, what: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = url;
  try {
    await image.decode();
  } catch {
    throw new ViewCaptureError(`cannot draw ${what}: the browser would not load it as an image (is it well-formed SVG?).`);
  }
  return image;
}

function makeCanvas(width: number, height: number): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D } {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  if (!context) throw new ViewCaptureError("cannot draw the view's picture: the browser gave no 2D canvas.");
  return { canvas, context };
}

function pngBase64(canvas: HTMLCanvasElement): string {
  let url: string;
  try {
    url = canvas.toDataURL("image/png");
  } catch {
    throw new ViewCaptureError("cannot export the view as a PNG: a picture in it comes from another site, so the browser will not read it back.");
  }
  const comma = url.indexOf(",");
  if (!url.startsWith("data:image/png") || comma < 0) throw new ViewCaptureError("cannot export the view as a PNG: the browser did not encode one.");
  return url.slice(comma + 1);
}

/** The first opaque-ish background from the container up (the cell sits on the editor's background), else white. */
function backgroundOf(element: HTMLElement): string {
  for (let current: HTMLElement | null = element; current; current = current.parentElement) {
    const color = getComputedStyle(current).backgroundColor;
    if (color && color !== "transparent" && !/rgba?\([^)]*,\s*0\)$/.test(color) && !/\/\s*0\)$/.test(color)) return color;
  }
  return "#ffffff";
}
