import { readFileSync } from "node:fs";
import { expect, type Locator, type Page } from "@playwright/test";
import { colouredPixels, shiftDrag } from "./plot-pixels";

/** The Projections view, the new-projection dialog, and a projection's editor tab. */
export class ProjectionsDriver {
  constructor(private readonly page: Page) {}

  view(): Locator {
    return this.page.getByTestId("projections-view");
  }

  /** Opens the newest projection from the Projections view and waits for its points. */
  async openNewest(timeout: number): Promise<ProjectionEditorDriver> {
    await this.view().getByTestId("projection-item").first().getByRole("button").first().click();
    const editor = new ProjectionEditorDriver(this.page, this.page.getByTestId("projection-editor"));
    await editor.waitUntilComputed(timeout);
    return editor;
  }

  async create(options: { corpus: string; level?: "recording" | "region" }): Promise<ProjectionEditorDriver> {
    await this.view().getByRole("button", { name: /New Projection/ }).click();
    const dialog = this.page.getByTestId("new-projection-dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("checkbox", { name: new RegExp(`^${options.corpus} \\(`) }).check();
    await expect(dialog.getByTestId("projection-model")).not.toHaveValue("");
    if (options.level === "region") await dialog.getByRole("radio", { name: /region/ }).check();
    await dialog.getByTestId("projection-create").click();
    await expect(dialog).toBeHidden();
    return new ProjectionEditorDriver(this.page, this.page.getByTestId("projection-editor"));
  }
}

export class ProjectionEditorDriver {
  constructor(
    private readonly page: Page,
    readonly root: Locator,
  ) {}

  plot(): Locator {
    return this.root.getByTestId("projection-plot-main").getByTestId("scatter-plot");
  }

  async waitUntilComputed(timeout: number): Promise<void> {
    await expect(this.root).toHaveAttribute("data-status", "succeeded", { timeout });
    await expect(this.plot()).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  }

  /** The focusable canvas: Escape there clears the selection. */
  canvas(): Locator {
    return this.plot().getByRole("img");
  }

  async pointCount(): Promise<number> {
    return Number(await this.root.getAttribute("data-points"));
  }

  async selectedCount(): Promise<number> {
    return Number((await this.plot().getAttribute("data-selected")) ?? 0);
  }

  async visibleCount(): Promise<number> {
    return Number(await this.plot().getAttribute("data-visible"));
  }

  colouredPixels(): Promise<number> {
    return colouredPixels(this.page, this.plot());
  }

  async colourBy(title: string): Promise<void> {
    await this.root.getByTestId("projection-color-by").selectOption({ label: title });
  }

  legendEntry(label: string): Locator {
    return this.root.getByTestId("scatter-legend").getByRole("button", { name: new RegExp(`^${label} \\(`) });
  }

  async selectWithBox(from: readonly [number, number], to: readonly [number, number]): Promise<void> {
    await this.root.getByRole("radio", { name: "Box" }).check();
    await shiftDrag(this.page, this.plot(), [from, to]);
  }

  selection(): Locator {
    return this.root.getByTestId("projection-selection");
  }

  async download(testId: string): Promise<{ name: string; text: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.root.getByTestId(testId).click()]);
    const bytes = readFileSync(await download.path());
    return { name: download.suggestedFilename(), text: bytes.toString("utf8"), bytes };
  }

  clusters(): Locator {
    return this.root.getByTestId("projection-clusters");
  }

  async clusterWithKMeans(k: number, timeout: number): Promise<void> {
    await this.clusters().getByTestId("cluster-algorithm").selectOption("kmeans");
    await this.clusters().getByTestId("cluster-k").fill(String(k));
    await this.clusters().getByTestId("cluster-run").click();
    const item = this.clusters().getByTestId("clustering-item").first();
    await expect(item).toHaveAttribute("data-status", "succeeded", { timeout });
    await item.getByRole("button").click();
  }
}
