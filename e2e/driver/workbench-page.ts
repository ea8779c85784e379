import { expect, type Locator, type Page } from "@playwright/test";
import { ExplorerView } from "./explorer-view";
import { JobsPanel } from "./jobs-panel";
import { QuickInputView } from "./palette";
import { PanelView } from "./panel";
import { RecordingAnalysisView } from "./recording-analysis";
import { RecordingEditorView } from "./recording-editor";

/** Page object for the workbench shell: specs talk to this, not to selectors. */
export class WorkbenchPage {
  readonly activityBar: Locator;
  readonly sideBar: Locator;
  readonly editorArea: Locator;
  readonly statusBar: Locator;

  constructor(private readonly page: Page) {
    this.activityBar = page.getByRole("tablist", { name: "Activity bar" });
    // The labelling sidebar of an editor is a complementary landmark too; the side bar is the shell's.
    this.sideBar = page.getByTestId("side-bar");
    this.editorArea = page.getByRole("main", { name: "Editor area" });
    this.statusBar = page.getByRole("status", { name: "Status bar" });
  }

  async open(): Promise<void> {
    await this.page.goto("/");
    await expect(this.activityBar).toBeVisible();
  }

  /** Reloads the page; the layout and the open editor tabs come back from the browser's storage. */
  async reload(): Promise<void> {
    await this.page.reload();
    await expect(this.activityBar).toBeVisible();
  }

  activities(): Locator {
    return this.activityBar.getByRole("tab");
  }

  async openActivity(title: string): Promise<void> {
    await this.activityBar.getByRole("tab", { name: title }).click();
  }

  /** The title of the view the side bar shows ("Explorer", "Jobs", …). */
  sideBarHeading(): Locator {
    return this.sideBar.getByRole("heading", { level: 2 });
  }

  databaseStatus(): Locator {
    return this.statusBar.getByTestId("status-database");
  }

  /** What the status bar says about inference ("CPU · 1 thread", "CUDA", "Inference unavailable: …"). */
  inferenceStatus(): Locator {
    return this.statusBar.getByTestId("status-inference");
  }

  versionStatus(): Locator {
    return this.statusBar.getByTestId("status-version");
  }

  /** The editor's selection as the status bar shows it ("0:12.30–0:15.00 · 2.70 s"). */
  selectionStatus(): Locator {
    return this.statusBar.getByTestId("status-selection");
  }

  /** The model whose curves the focused editor shows. */
  modelStatus(): Locator {
    return this.statusBar.getByTestId("status-model");
  }

  /** Editor tabs, of one group (1-based) or all. */
  editorTabs(group?: number): Locator {
    const scope = group === undefined ? this.editorArea : this.page.getByTestId(`editor-group-${group}`);
    return scope.getByTestId("editor-tab");
  }

  editorTab(title: string): Locator {
    return this.editorTabs().and(this.page.getByRole("tab", { name: title, exact: true }));
  }

  async closeEditor(title: string): Promise<void> {
    await this.editorArea.getByRole("button", { name: `Close ${title}`, exact: true }).click();
    await expect(this.editorTab(title)).toHaveCount(0);
  }

  /** The recording editor of the focused editor group's active tab. */
  editor(): RecordingEditorView {
    return RecordingEditorView.active(this.page);
  }

  /** The Analysis bar of the recording open in the focused editor group. */
  recordingAnalysis(): RecordingAnalysisView {
    return this.editor().analysis();
  }

  explorer(): ExplorerView {
    return new ExplorerView(this.page);
  }

  quickInput(): QuickInputView {
    return new QuickInputView(this.page);
  }

  panel(): PanelView {
    return new PanelView(this.page);
  }

  jobsPanel(): JobsPanel {
    return new JobsPanel(this.page);
  }

  /** The colour theme forced on <html> ("light", "dark"), or null when it follows the OS. */
  async theme(): Promise<string | null> {
    const classes = (await this.page.locator("html").getAttribute("class")) ?? "";
    return /\btheme-(light|dark)\b/.exec(classes)?.[1] ?? null;
  }
}
