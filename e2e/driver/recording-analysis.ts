import { expect, type Download, type Locator, type Page } from "@playwright/test";

/** Page object for the Analysis section of an open recording: model picker, Analyse, job status and results. */
export class RecordingAnalysisView {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByRole("main").getByRole("region", { name: "Analysis", exact: true });
  }

  modelPicker(): Locator {
    return this.root.getByLabel("Model", { exact: true });
  }

  /** The ids of the models offered (enabled options). */
  async modelIds(): Promise<string[]> {
    return this.modelPicker().locator("option:not([disabled])").evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  }

  /** Greyed, disabled entries of folders that cannot be used, by folder name. */
  disabledModels(): Locator {
    return this.modelPicker().locator("option[disabled]");
  }

  /** The expanded list of unusable folders with their reasons. */
  async invalidModels(): Promise<Locator> {
    await this.root.getByText(/model folders? cannot be used/).click();
    const list = this.root.getByRole("list", { name: "Models that cannot be used" });
    await expect(list).toBeVisible();
    return list.getByRole("listitem");
  }

  /** Picks a model, starts the analysis and waits for the job to finish successfully. */
  async analyse(modelId: string, timeout: number): Promise<void> {
    await this.start(modelId);
    await expect(this.status()).toHaveAttribute("data-status", "succeeded", { timeout });
  }

  /** Picks a model and starts the analysis without waiting for it. */
  async start(modelId: string): Promise<void> {
    await this.modelPicker().selectOption(modelId);
    await this.root.getByRole("button", { name: /^Analyse/ }).click();
    await expect(this.status()).toBeVisible();
  }

  /** The job's status line; its data-status is the job's status. */
  status(): Locator {
    return this.root.getByTestId("analysis-status");
  }

  progressText(): Locator {
    return this.root.getByTestId("analysis-progress-text");
  }

  /** The result shown for a model (its latest whole-recording analysis). */
  result(modelId: string): AnalysisResult {
    return new AnalysisResult(this.page, this.root.locator(`[data-model="${modelId}"]`));
  }
}

export class AnalysisResult {
  constructor(
    private readonly page: Page,
    readonly root: Locator,
  ) {}

  scores(): Locator {
    return this.root.getByRole("list", { name: "Utterance scores" }).getByRole("listitem");
  }

  topScore(): Locator {
    return this.root.locator('[data-top="true"]');
  }

  runLine(): Locator {
    return this.root.getByTestId("analysis-run");
  }

  curves(): Locator {
    return this.root.getByTestId("frame-curves");
  }

  curvePaths(): Locator {
    return this.curves().locator("path[data-label]");
  }

  legendButton(label: string): Locator {
    return this.root.getByRole("group", { name: "Classes shown" }).getByRole("button", { name: label, exact: true });
  }

  uncalibratedNote(): Locator {
    return this.root.getByTestId("uncalibrated-note");
  }

  async downloadLikeWebUi(): Promise<Download> {
    const download = this.page.waitForEvent("download");
    await this.root.getByRole("link", { name: "Download like the WebUI" }).click();
    return download;
  }
}
