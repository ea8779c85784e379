import { expect, type Locator, type Page } from "@playwright/test";
import { ExplorerView } from "./explorer-view";
import { JobsPanel } from "./jobs-panel";
import { RecordingAnalysisView } from "./recording-analysis";

/** Page object for the workbench shell: specs talk to this, not to selectors. */
export class WorkbenchPage {
  readonly activityBar: Locator;
  readonly sideBar: Locator;
  readonly statusBar: Locator;

  constructor(private readonly page: Page) {
    this.activityBar = page.getByRole("tablist", { name: "Activity bar" });
    this.sideBar = page.getByRole("complementary");
    this.statusBar = page.getByRole("status", { name: "Status bar" });
  }

  async open(): Promise<void> {
    await this.page.goto("/");
    await expect(this.activityBar).toBeVisible();
  }

  activities(): Locator {
    return this.activityBar.getByRole("tab");
  }

  async openActivity(title: string): Promise<void> {
    await this.activityBar.getByRole("tab", { name: title }).click();
  }

  async sideBarTitle(): Promise<string> {
    return (await this.sideBar.getByRole("heading").textContent()) ?? "";
  }

  databaseStatus(): Locator {
    return this.statusBar.getByTestId("status-database");
  }

  /** What the status bar says about inference ("CPU · 1 thread", "CUDA", "Inference unavailable: …"). */
  inferenceStatus(): Locator {
    return this.statusBar.getByTestId("status-inference");
  }

  /** The Analysis section of the recording open in the editor area. */
  recordingAnalysis(): RecordingAnalysisView {
    return new RecordingAnalysisView(this.page);
  }

  explorer(): ExplorerView {
    return new ExplorerView(this.page);
  }

  jobsPanel(): JobsPanel {
    return new JobsPanel(this.page);
  }
}
