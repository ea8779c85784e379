import { expect, type Download, type Locator, type Page } from "@playwright/test";

/**
 * Page object for the analysis bar of a recording editor (model picker,
 * Analyse, the job's status) and what an analysis shows elsewhere in the
 * editor: the run line, the curve lane, the whole recording's scores.
 */
export class RecordingAnalysisView {
  readonly root: Locator;

  constructor(
    private readonly page: Page,
    private readonly editorRoot: Locator,
  ) {
    this.root = editorRoot.getByRole("region", { name: "Analysis", exact: true });
  }

  modelPicker(): Locator {
    return this.root.getByLabel("Model", { exact: true });
  }

  /** The ids of the models offered (enabled options). */
  async modelIds(): Promise<string[]> {
    return this.modelPicker()
      .locator("option:not([disabled])")
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
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
    await this.pick(modelId);
    await this.root.getByRole("button", { name: /^Analyse/ }).click();
    await expect(this.status()).toBeVisible();
  }

  /** Shows a model's results (the editor shows the picked model's run, curves and scores). */
  async pick(modelId: string): Promise<void> {
    await this.modelPicker().selectOption(modelId);
  }

  /** The job's status line; its data-status is the job's status. */
  status(): Locator {
    return this.root.getByTestId("analysis-status");
  }

  progressText(): Locator {
    return this.root.getByTestId("analysis-progress-text");
  }

  /** Failures the analysis reported (a recording the model could not run on). */
  errors(): Locator {
    return this.root.getByRole("alert");
  }

  /** What the editor shows of a model's latest whole-recording analysis; its locators match only while that model is picked. */
  result(modelId: string): AnalysisResult {
    return new AnalysisResult(this.page, this.editorRoot, modelId);
  }
}

export class AnalysisResult {
  /** The editor while it shows this model's analysis (its run line names the model). */
  private readonly shown: Locator;

  constructor(
    private readonly page: Page,
    editorRoot: Locator,
    readonly modelId: string,
  ) {
    this.shown = editorRoot.filter({ has: page.locator(`[data-testid="analysis-run"][data-model="${modelId}"]`) });
  }

  /** The nine utterance scores of the whole recording. */
  scores(): Locator {
    return this.shown.getByTestId("summary-recording").getByRole("list", { name: "Utterance scores" }).getByRole("listitem");
  }

  topScore(): Locator {
    return this.shown.getByTestId("summary-recording").locator('[data-top="true"]');
  }

  /** "Model name version · provider · speed · when · Download like the WebUI". */
  runLine(): Locator {
    return this.shown.getByTestId("analysis-run");
  }

  /** The model's curve lane; data-state is loading, ready or error. */
  curves(): Locator {
    return this.shown.locator(`[data-testid="curves-lane"][data-model="${this.modelId}"]`);
  }

  /** The lane's drawing; its accessible name counts the classes drawn. */
  curvesImage(): Locator {
    return this.curves().getByRole("img");
  }

  legendButton(label: string): Locator {
    return this.shown.getByRole("group", { name: "Classes shown" }).getByRole("button", { name: label, exact: true });
  }

  uncalibratedNote(): Locator {
    return this.curves().getByTestId("uncalibrated-note");
  }

  async downloadLikeWebUi(): Promise<Download> {
    const download = this.page.waitForEvent("download");
    await this.runLine().getByRole("link", { name: "Download like the WebUI" }).click();
    return download;
  }
}
