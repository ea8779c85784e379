/**
 * The plot as a PNG: the layers (WebGL points, then the overlay) drawn in
 * order over a solid background at the first layer's pixel size, which is
 * its CSS size times the device pixel ratio.
 */
export function composePng(layers: readonly HTMLCanvasElement[], background: string): Promise<Blob> {
  const [first] = layers;
  if (!first || first.width === 0 || first.height === 0) return Promise.reject(new Error("the scatter plot has no size to export yet"));
  const output = document.createElement("canvas");
  output.width = first.width;
  output.height = first.height;
  const context = output.getContext("2d");
  if (!context) return Promise.reject(new Error("the browser gave no 2D canvas to compose the PNG"));
  context.fillStyle = background;
  context.fillRect(0, 0, output.width, output.height);
  for (const layer of layers) if (layer.width > 0 && layer.height > 0) context.drawImage(layer, 0, 0, output.width, output.height);
  return new Promise((resolve, reject) => output.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the browser could not encode the PNG"))), "image/png"));
}
