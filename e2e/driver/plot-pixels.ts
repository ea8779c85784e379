import type { Locator, Page } from "@playwright/test";

/**
 * How many pixels of an element, as screenshotted, are saturated colour
 * rather than the grey-scale page: WebGL canvases cannot be read back with
 * getImageData, but a screenshot shows what the researcher sees.
 */
export async function colouredPixels(page: Page, element: Locator): Promise<number> {
  const png = await element.screenshot();
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext("2d")!;
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    let coloured = 0;
    for (let index = 0; index < data.length; index += 4) {
      const max = Math.max(data[index]!, data[index + 1]!, data[index + 2]!);
      const min = Math.min(data[index]!, data[index + 1]!, data[index + 2]!);
      if (max - min > 40) coloured++;
    }
    return coloured;
  }, png.toString("base64"));
}

/** Shift-drags through points given as fractions of the element's box (a box or lasso selection). */
export async function shiftDrag(page: Page, element: Locator, path: readonly (readonly [number, number])[]): Promise<void> {
  const box = await element.boundingBox();
  if (!box) throw new Error("the plot is not on screen");
  const at = ([x, y]: readonly [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.keyboard.down("Shift");
  await page.mouse.move(...at(path[0]!));
  await page.mouse.down();
  for (const point of path.slice(1)) await page.mouse.move(...at(point), { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up("Shift");
}
