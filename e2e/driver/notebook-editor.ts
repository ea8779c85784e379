import { readFileSync } from "node:fs";
import { expect, type Locator, type Page } from "@playwright/test";

/** The Notebooks view and a notebook in an editor tab. */
export class NotebooksDriver {
  constructor(private readonly page: Page) {}

  view(): Locator {
    return this.page.getByTestId("notebooks-view");
  }

  async create(title: string): Promise<NotebookEditorDriver> {
    await this.view().getByRole("button", { name: "New Notebook", exact: true }).click();
    const editor = new NotebookEditorDriver(this.page, this.page.getByTestId("notebook-editor"));
    await expect(editor.root).toBeVisible();
    await editor.rename(title);
    return editor;
  }

  /** Opens the notebook of that exact title (the first, when an import made a second). */
  async open(title: string): Promise<NotebookEditorDriver> {
    await this.view().getByTestId("notebook-item").getByRole("button", { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\d+ cells? ·`) }).first().click();
    const editor = new NotebookEditorDriver(this.page, this.page.getByTestId("notebook-editor"));
    await expect(editor.root.getByLabel("Notebook title")).toHaveValue(title);
    return editor;
  }

  item(title: string): Locator {
    return this.view().getByTestId("notebook-item").filter({ hasText: title });
  }
}

export class NotebookEditorDriver {
  constructor(
    private readonly page: Page,
    readonly root: Locator,
  ) {}

  async rename(title: string): Promise<void> {
    const field = this.root.getByLabel("Notebook title");
    await field.fill(title);
    await field.press("Enter");
  }

  cells(): Locator {
    return this.root.getByTestId("notebook-cell");
  }

  cell(index: number): Locator {
    return this.cells().nth(index);
  }

  cellOfKind(kind: "markdown" | "sql" | "chart" | "view", nth = 0): Locator {
    return this.root.locator(`[data-testid="notebook-cell"][data-kind="${kind}"]`).nth(nth);
  }

  async add(kind: "Markdown" | "SQL" | "Chart" | "View"): Promise<Locator> {
    const before = await this.cells().count();
    await this.root.getByRole("button", { name: `+ ${kind}`, exact: true }).click();
    await expect(this.cells()).toHaveCount(before + 1);
    return this.cells().nth(before);
  }

  /** Selects a cell in command mode (its number in the gutter takes no text focus). */
  async select(cell: Locator): Promise<void> {
    await cell.getByText(/^\[\d+\]$/).click();
    await expect(cell).toBeFocused();
  }

  async waitUntilSaved(): Promise<void> {
    await expect(this.root.getByTestId("notebook-save-state")).toHaveAttribute("data-state", "saved");
  }

  async download(button: "Export .ipynb" | "Export HTML"): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.root.getByRole("button", { name: button, exact: true }).click()]);
    return { name: download.suggestedFilename(), text: readFileSync(await download.path(), "utf8") };
  }
}
