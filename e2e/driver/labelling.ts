import { expect, type Locator, type Page } from "@playwright/test";

/** The keys 1–9 label with, in the model's class order (app/workbench/commands/keymap.ts). */
export const LABEL_KEYS = {
  angry: "1",
  disgusted: "2",
  fearful: "3",
  happy: "4",
  neutral: "5",
  other: "6",
  sad: "7",
  surprised: "8",
  unknown: "9",
} as const;

export type Emotion = keyof typeof LABEL_KEYS;

/**
 * Page object for the labelling sidebar of a recording editor: the
 * recording's label and status, the label buttons and keys, undo and redo,
 * the segment list and the history of what is selected.
 */
export class LabellingView {
  readonly root: Locator;

  constructor(
    private readonly page: Page,
    editorRoot: Locator,
  ) {
    this.root = editorRoot.getByTestId("labelling-sidebar");
  }

  /** The sidebar's message: role alert with data-kind="error" for failures, status for hints. */
  message(): Locator {
    return this.root.getByTestId("labelling-message");
  }

  /** The recording's own label, its source and status. */
  recordingLabel(): Locator {
    return this.root.getByTestId("recording-label");
  }

  /** data-status: unlabelled, predicted, in_progress, labelled or reviewed. */
  status(): Locator {
    return this.root.getByTestId("label-status");
  }

  /** What 1–9 act on: "the whole recording" or "region 0:12.30–0:15.00". */
  target(): Locator {
    return this.root.getByTestId("label-target");
  }

  labelButton(emotion: Emotion): Locator {
    return this.root.locator(`[data-testid="label-button"][data-emotion="${emotion}"]`);
  }

  /** Labels what is selected (a region, else the recording) with its key, as a researcher does. */
  async labelWithKey(emotion: Emotion): Promise<void> {
    await expect(this.labelButton(emotion)).toBeEnabled();
    await this.page.keyboard.press(LABEL_KEYS[emotion]);
  }

  undoButton(): Locator {
    return this.root.getByTestId("label-undo");
  }

  redoButton(): Locator {
    return this.root.getByTestId("label-redo");
  }

  async undoWithKey(): Promise<void> {
    await expect(this.undoButton()).toBeEnabled();
    await this.page.keyboard.press("Control+z");
  }

  async redoWithKey(): Promise<void> {
    await expect(this.redoButton()).toBeEnabled();
    await this.page.keyboard.press("Control+Shift+z");
  }

  /** "Saving…" while edits are on their way. */
  saving(): Locator {
    return this.root.getByTestId("labelling-saving");
  }

  /** Waits until no edit is on its way to the server. */
  async waitUntilSaved(): Promise<void> {
    await expect(this.saving()).toHaveCount(0);
    await expect(this.root).toHaveAttribute("aria-busy", "false");
  }

  segmentList(): Locator {
    return this.root.getByRole("grid", { name: "Segments" });
  }

  segmentRows(): Locator {
    return this.root.getByTestId("segment-row");
  }

  segmentRow(regionId: string): Locator {
    return this.root.locator(`[data-testid="segment-row"][data-region-id="${regionId}"]`);
  }

  /** Right-clicks a segment row and returns its context menu (built from the command registry). */
  async openSegmentMenu(regionId: string): Promise<Locator> {
    await this.segmentRow(regionId).click({ button: "right" });
    const menu = this.page.getByRole("menu", { name: "Actions" });
    await expect(menu).toBeVisible();
    return menu;
  }

  /** A segment row's label cell (the fourth column). */
  segmentLabel(regionId: string): Locator {
    return this.segmentRow(regionId).getByRole("gridcell").nth(3);
  }

  /** Entries of the history shown (of the selected region, else of the recording); data-state is done or undone. */
  historyEntries(): Locator {
    return this.root.getByTestId("label-history-entry");
  }
}
