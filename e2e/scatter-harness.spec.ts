import { readFileSync } from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { colouredPixels, shiftDrag } from "./driver/plot-pixels";

/**
 * The projection scatter on its harness page (/bench/scatter, served only
 * with RESONANCE_BENCH_PAGES=1): drawing, box and lasso selection, Escape,
 * the legend filter, hover, and the PNG, SVG and CSV exports.
 */

const POINTS = 20_000;

/** Page object for the harness; specs talk to this, not to selectors. */
class ScatterHarness {
  readonly root: Locator;
  readonly plot: Locator;
  readonly canvas: Locator;
  readonly legend: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId("scatter-bench");
    this.plot = page.getByTestId("scatter-plot");
    this.canvas = page.getByRole("img", { name: /Scatter plot of/ });
    this.legend = page.getByTestId("scatter-legend");
  }

  async open(points = POINTS): Promise<void> {
    const response = await this.page.goto(`/bench/scatter?n=${points}&seed=7`);
    if (response?.status() === 404) throw new Error("/bench/scatter answered 404: the e2e server needs RESONANCE_BENCH_PAGES=1 in playwright.config.ts's webServer env");
    await expect(this.plot).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  }

  async count(attribute: "data-points" | "data-visible" | "data-selected"): Promise<number> {
    return Number(await this.plot.getAttribute(attribute));
  }

  /** Shift-drag through the given points (fractions of the canvas), as a researcher draws a box or a lasso. */
  shiftDrag(path: readonly (readonly [number, number])[]): Promise<void> {
    return shiftDrag(this.page, this.canvas, path);
  }

  async canvasBox() {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error("the scatter canvas has no box");
    return box;
  }

  legendEntry(label: string): Locator {
    return this.legend.getByRole("button", { name: new RegExp(`^${label} \\([\\d,]+ points\\)$`) });
  }

  async legendCount(label: string): Promise<number> {
    return Number(await this.legendEntry(label).getAttribute("data-count"));
  }

  async download(button: string): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByRole("button", { name: button }).click()]);
    const file = await download.path();
    return { name: download.suggestedFilename(), bytes: readFileSync(file) };
  }

  colouredPixels(): Promise<number> {
    return colouredPixels(this.page, this.plot);
  }
}

test.describe("projection scatter harness", () => {
  test("draws coloured points on the canvas", async ({ page }, testInfo) => {
    const harness = new ScatterHarness(page);
    await harness.open();
    expect(await harness.count("data-points")).toBe(POINTS);
    expect(await harness.count("data-visible")).toBe(POINTS);
    expect(Number(await harness.root.getAttribute("data-first-frame-ms"))).toBeGreaterThan(0);
    const box = await harness.canvasBox();
    // Eight clusters in mid-light colours cover a good part of the canvas; an empty or grey canvas would not.
    expect(await harness.colouredPixels()).toBeGreaterThan(box.width * box.height * 0.02);
    await page.screenshot({ path: testInfo.outputPath("scatter-harness.png") });
  });

  test("selects a plausible share of points with a box and a lasso, and Escape clears the selection", async ({ page }) => {
    const harness = new ScatterHarness(page);
    await harness.open();
    await page.getByRole("button", { name: "Box", exact: true }).click();
    await harness.shiftDrag([[0.3, 0.25], [0.7, 0.75]]);
    await expect.poll(() => harness.count("data-selected")).toBeGreaterThan(0);
    const boxed = await harness.count("data-selected");
    expect(boxed).toBeLessThan(POINTS);
    await expect(page.getByTestId("scatter-bench-selection")).toHaveText(`${boxed.toLocaleString("en-US")} selected`);

    await harness.canvas.focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => harness.count("data-selected")).toBe(0);
    await expect(page.getByTestId("scatter-bench-selection")).toHaveText("0 selected");

    await page.getByRole("button", { name: "Lasso", exact: true }).click();
    await harness.shiftDrag([[0.2, 0.2], [0.8, 0.3], [0.5, 0.8], [0.2, 0.2]]);
    await expect.poll(() => harness.count("data-selected")).toBeGreaterThan(0);
    expect(await harness.count("data-selected")).toBeLessThan(POINTS);
  });

  test("hides legend categories from the plot and from the selection", async ({ page }) => {
    const harness = new ScatterHarness(page);
    await harness.open();
    const clusterOne = await harness.legendCount("cluster 1");
    expect(clusterOne).toBeGreaterThan(0);

    await harness.legendEntry("cluster 1").click();
    await expect(harness.legendEntry("cluster 1")).toHaveAttribute("aria-pressed", "false");
    await expect.poll(() => harness.count("data-visible")).toBe(POINTS - clusterOne);

    // A box around everything selects exactly the visible points: hidden ones cannot be selected.
    await harness.shiftDrag([[0.001, 0.001], [0.999, 0.999]]);
    await expect.poll(() => harness.count("data-selected")).toBe(POINTS - clusterOne);

    await harness.legendEntry("cluster 2").click({ modifiers: ["Alt"] });
    await expect.poll(() => harness.count("data-visible")).toBe(await harness.legendCount("cluster 2"));
    await expect.poll(() => harness.count("data-selected")).toBe(await harness.legendCount("cluster 2"));

    await page.getByRole("button", { name: "Show all" }).click();
    await expect.poll(() => harness.count("data-visible")).toBe(POINTS);
  });

  test("reports the point under the pointer", async ({ page }) => {
    const harness = new ScatterHarness(page);
    await harness.open();
    const box = await harness.canvasBox();
    const tooltip = page.getByRole("tooltip");
    // Sweep a grid until the pointer lands on a point; the clusters cover much of the canvas.
    outer: for (let row = 1; row < 10; row++) {
      for (let column = 1; column < 10; column++) {
        await page.mouse.move(box.x + (box.width * column) / 10, box.y + (box.height * row) / 10, { steps: 2 });
        if (await tooltip.isVisible().catch(() => false)) break outer;
        await page.waitForTimeout(30);
        if (await tooltip.isVisible()) break outer;
      }
    }
    await expect(tooltip).toHaveText(/^point \d+ · (cluster \d|\(missing\))$/);
  });

  test.describe("exports", () => {
    test.use({ deviceScaleFactor: 2 });

    test("exports the view as a PNG at the device pixel ratio", async ({ page }) => {
      const harness = new ScatterHarness(page);
      await harness.open();
      const size = await harness.canvas.evaluate((canvas: HTMLCanvasElement) => ({ width: canvas.width, height: canvas.height, cssWidth: canvas.clientWidth }));
      expect(size.width).toBe(Math.floor(size.cssWidth * 2));
      const { name, bytes } = await harness.download("Export PNG");
      expect(name).toBe("scatter.png");
      expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
      expect(bytes.readUInt32BE(16)).toBe(size.width);
      expect(bytes.readUInt32BE(20)).toBe(size.height);
    });

    test("exports the visible points as SVG and the selection as CSV", async ({ page }) => {
      const harness = new ScatterHarness(page);
      await harness.open();
      await harness.legendEntry("cluster 3").click();
      await expect.poll(() => harness.count("data-visible")).toBeLessThan(POINTS);
      const visible = await harness.count("data-visible");
      const svg = (await harness.download("Export SVG")).bytes.toString("utf8");
      expect(svg).toContain("<svg");
      expect(svg.match(/h0/g)?.length).toBe(visible);
      expect(svg).not.toContain(">cluster 3<");

      await harness.shiftDrag([[0.3, 0.3], [0.6, 0.6]]);
      await expect.poll(() => harness.count("data-selected")).toBeGreaterThan(0);
      const selected = await harness.count("data-selected");
      const csv = (await harness.download("Export CSV")).bytes.toString("utf8").trimEnd().split("\r\n");
      expect(csv[0]).toBe("x,y,cluster");
      expect(csv).toHaveLength(selected + 1);
      expect(csv[1]).toMatch(/^-?[\d.]+(e-?\d+)?,-?[\d.]+(e-?\d+)?,(cluster \d)?$/);
    });
  });

  test("explains, instead of crashing, when the browser has no WebGL", async ({ page }) => {
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (type === "webgl" || type === "webgl2" || type === "experimental-webgl") return null;
        return (original as (this: HTMLCanvasElement, type: string, ...rest: unknown[]) => RenderingContext | null).call(this, type, ...rest);
      } as typeof original;
    });
    const response = await page.goto(`/bench/scatter?n=100`);
    expect(response?.status(), "the e2e server needs RESONANCE_BENCH_PAGES=1").toBe(200);
    await expect(page.getByTestId("scatter-plot").getByRole("alert")).toContainText("The scatter plot needs WebGL: the browser returned no WebGL context");
  });
});
