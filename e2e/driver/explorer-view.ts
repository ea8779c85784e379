import { expect, type Locator, type Page } from "@playwright/test";
import { ImportDialogPage } from "./import-dialog";
import { RecordingEditorView } from "./recording-editor";

/** How long the tree may take to load a level on a loaded machine. */
const LEVEL_TIMEOUT = 15_000;

/**
 * Page object for the Explorer view: Import…, and the tree of corpora →
 * cohorts → patients → sessions → recordings (or a corpus's recordings as one
 * flat list). The tree is virtual: only the rows in view are in the page, so
 * the driver scrolls it to find a row.
 */
export class ExplorerView {
  readonly tree: Locator;

  constructor(private readonly page: Page) {
    this.tree = page.getByRole("tree", { name: "Corpora" });
  }

  /**
   * Shows the Explorer in the side bar. Its activity is selected while it is
   * shown, and clicking it then would hide the side bar. (An empty workbench
   * shows "No corpora yet" instead of the tree.)
   */
  async show(): Promise<void> {
    const activity = this.page.getByTestId("activity-explorer");
    if ((await activity.getAttribute("aria-selected")) !== "true") await activity.click();
    await expect(activity).toHaveAttribute("aria-selected", "true");
  }

  async openImportDialog(): Promise<ImportDialogPage> {
    await this.show();
    await this.page.getByTestId("view-action-corpus.import").click();
    const dialog = new ImportDialogPage(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  /** A row by the name it shows (a corpus, cohort, patient, session or file name), if it is in the page. */
  row(name: string, kind?: "corpus" | "cohort" | "patient" | "session" | "recording"): Locator {
    const rows = kind === undefined ? this.tree.getByRole("treeitem") : this.tree.locator(`[role="treeitem"][data-kind="${kind}"]`);
    return rows.filter({ has: this.page.getByTitle(name, { exact: true }) });
  }

  /** The row that has the tree's keyboard focus (aria-activedescendant). */
  focusedRow(): Locator {
    return this.tree.locator('[role="treeitem"][data-focused="true"]');
  }

  async setFlat(flat: boolean): Promise<void> {
    await this.show();
    const toggle = this.page.getByTestId("explorer-flat-toggle");
    if ((await toggle.getAttribute("aria-pressed")) !== String(flat)) await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", String(flat));
  }

  async collapseAll(): Promise<void> {
    await this.show();
    await this.page.getByTestId("view-action-explorer.collapseAll").click();
    await expect(this.tree.locator('[aria-expanded="true"]')).toHaveCount(0);
  }

  /** Scrolls the tree until `row` is in the page (from the top, once through), and returns it. */
  async reveal(row: Locator): Promise<Locator> {
    await expect(async () => {
      await this.waitForLoadedRows();
      await this.tree.evaluate((element) => {
        element.scrollTop = 0;
      });
      await this.settle();
      while ((await row.count()) === 0) {
        const moved = await this.tree.evaluate((element) => {
          const before = element.scrollTop;
          element.scrollTop = before + Math.max(24, element.clientHeight * 0.75);
          return element.scrollTop !== before;
        });
        if (!moved) break;
        await this.settle();
      }
      expect(await row.count(), "the row is somewhere in the tree").toBe(1);
    }).toPass({ timeout: LEVEL_TIMEOUT });
    await row.scrollIntoViewIfNeeded();
    return row;
  }

  /** Expands the folders named, in order (each must be a child of the one before or a corpus). */
  async expand(...names: string[]): Promise<void> {
    await this.show();
    for (const name of names) {
      const row = await this.reveal(this.row(name).and(this.tree.locator("[aria-expanded]")));
      if ((await row.getAttribute("aria-expanded")) === "false") await row.click();
      await expect(row).toHaveAttribute("aria-expanded", "true");
    }
    await this.waitForLoadedRows();
  }

  /** Shows one corpus's recordings as a flat list, with every other folder collapsed. */
  async showCorpus(corpusName: string): Promise<void> {
    await this.collapseAll();
    await this.setFlat(true);
    await this.expand(corpusName);
  }

  /** A recording's row in the flat list of its corpus (name, patient · session, duration, label, status). */
  async recording(corpusName: string, fileName: string): Promise<Locator> {
    await this.showCorpus(corpusName);
    return this.reveal(this.row(fileName, "recording"));
  }

  /** The file names of a corpus's recordings, read by scrolling through its flat list. */
  async recordingNames(corpusName: string): Promise<string[]> {
    await this.showCorpus(corpusName);
    const names = new Set<string>();
    await this.tree.evaluate((element) => {
      element.scrollTop = 0;
    });
    for (;;) {
      await this.settle();
      // The name is the row's first titled span (the twistie before it has no title).
      const shown = await this.tree
        .locator('[role="treeitem"][data-kind="recording"]')
        .evaluateAll((rows) => rows.map((row) => row.querySelector("span[title]")?.getAttribute("title") ?? ""));
      for (const name of shown) names.add(name);
      const moved = await this.tree.evaluate((element) => {
        const before = element.scrollTop;
        element.scrollTop = before + Math.max(24, element.clientHeight * 0.75);
        return element.scrollTop !== before;
      });
      if (!moved) break;
    }
    return [...names];
  }

  /** Opens a recording of a corpus (found in its flat list) in the editor area and waits for its editor. */
  async openRecording(corpusName: string, fileName: string): Promise<RecordingEditorView> {
    const row = await this.recording(corpusName, fileName);
    await row.click();
    return this.openedEditor(fileName);
  }

  /** Opens a recording row that is already expanded into view (e.g. after `expand`). */
  async openRow(fileName: string): Promise<RecordingEditorView> {
    const row = await this.reveal(this.row(fileName, "recording"));
    await row.click();
    return this.openedEditor(fileName);
  }

  // —— Keyboard ——

  /** Gives the tree the keyboard focus (Ctrl+Shift+E, the Show Explorer key). */
  async focusWithKeyboard(): Promise<void> {
    await this.page.keyboard.press("Control+Shift+E");
    await expect(this.tree).toBeFocused();
  }

  /** Presses Down until the focused row is `name`; fails when the focus stops moving or after `maxSteps` presses. */
  async arrowTo(name: string, maxSteps = 50): Promise<void> {
    for (let step = 0; step <= maxSteps; step++) {
      await expect(this.focusedRow()).toHaveCount(1);
      if ((await this.focusedRow().getByTitle(name, { exact: true }).count()) > 0) return;
      const before = await this.tree.getAttribute("aria-activedescendant");
      await this.page.keyboard.press("ArrowDown");
      // One row per press: wait for the focus to move before looking again.
      await expect(this.tree, `Down moves the focus on towards ${name}`).not.toHaveAttribute("aria-activedescendant", before ?? "");
    }
    throw new Error(`pressed Down ${maxSteps} times without reaching ${name} in the explorer`);
  }

  /** Arrows to a folder and expands it with Right. */
  async arrowExpand(name: string): Promise<void> {
    await this.arrowTo(name);
    await this.page.keyboard.press("ArrowRight");
    await expect(this.focusedRow()).toHaveAttribute("aria-expanded", "true");
    await this.waitForLoadedRows();
  }

  // —— Internals ——

  private async openedEditor(fileName: string): Promise<RecordingEditorView> {
    const tab = this.page.getByTestId("editor-tab").and(this.page.getByRole("tab", { name: fileName, selected: true }));
    await expect(tab.first()).toBeVisible();
    const editor = RecordingEditorView.active(this.page);
    await expect(editor.title()).toHaveText(fileName);
    return editor;
  }

  private async waitForLoadedRows(): Promise<void> {
    await expect(this.tree.locator('[data-status="loading"]')).toHaveCount(0, { timeout: LEVEL_TIMEOUT });
  }

  /** Two animation frames: the virtual list renders the rows of a new scroll position. */
  private async settle(): Promise<void> {
    await this.tree.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  }
}
