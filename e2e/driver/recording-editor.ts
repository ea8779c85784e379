import { expect, type Locator, type Page } from "@playwright/test";
import { LabellingView } from "./labelling";
import { RecordingAnalysisView } from "./recording-analysis";

/** Waveform, lanes and curves of a long recording on a loaded 2-core machine. */
export const EDITOR_READY_TIMEOUT = 60_000;

/** "1:02.35", "1:00:00.00" → seconds. */
export function parseClock(text: string): number {
  const parts = text.trim().split(":").map(Number);
  if (parts.length === 0 || parts.some((part) => !Number.isFinite(part))) throw new Error(`not a clock time: ${text}`);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

/**
 * Page object for one recording editor: header, playback and zoom toolbar,
 * waveform with its regions, the lanes on its time axis (spectrogram,
 * emotion curves), the legend and the WebUI-style summary. The analysis bar
 * and the labelling sidebar have their own page objects (analysis(),
 * labelling()).
 */
export class RecordingEditorView {
  constructor(
    private readonly page: Page,
    readonly root: Locator,
  ) {}

  /** The editor of the focused editor group's active tab. */
  static active(page: Page): RecordingEditorView {
    return new RecordingEditorView(page, page.locator('[data-editor-group][data-active="true"] [data-testid="recording-editor"]'));
  }

  /** The editor in the n-th editor group (1-based). */
  static inGroup(page: Page, group: number): RecordingEditorView {
    return new RecordingEditorView(page, page.getByTestId(`editor-group-${group}`).getByTestId("recording-editor"));
  }

  title(): Locator {
    return this.root.getByRole("heading", { level: 1 });
  }

  async recordingId(): Promise<string> {
    const id = await this.root.getAttribute("data-recording-id");
    if (!id) throw new Error("the recording editor names no recording");
    return id;
  }

  /** Waits until the waveform has drawn and the curves (when the recording has any) too. */
  async waitUntilReady(timeout = EDITOR_READY_TIMEOUT): Promise<void> {
    await expect(this.root).toHaveAttribute("data-ready", "true", { timeout });
  }

  analysis(): RecordingAnalysisView {
    return new RecordingAnalysisView(this.page, this.root);
  }

  labelling(): LabellingView {
    return new LabellingView(this.page, this.root);
  }

  // —— Playback ——

  waveform(): Locator {
    return this.root.getByTestId("waveform");
  }

  /** Its accessible name is "Play" or "Pause", whichever a click does. */
  playButton(): Locator {
    return this.root.getByTestId("play-button");
  }

  async play(): Promise<void> {
    await expect(this.playButton()).toHaveAccessibleName("Play");
    await this.playButton().click();
  }

  async pause(): Promise<void> {
    if ((await this.playButton().getAttribute("aria-label")) === "Pause") await this.playButton().click();
    await expect(this.playButton()).toHaveAccessibleName("Play");
  }

  /** "0:12.34 / 8:54.00": the playhead and the recording's length. */
  timeReadout(): Locator {
    return this.root.getByTestId("editor-time");
  }

  async currentSeconds(): Promise<number> {
    return parseClock(((await this.timeReadout().textContent()) ?? "").split("/")[0] ?? "");
  }

  async durationSeconds(): Promise<number> {
    return parseClock(((await this.timeReadout().textContent()) ?? "").split("/")[1] ?? "");
  }

  /** The playhead line across the lanes. */
  lanesPlayhead(): Locator {
    return this.root.getByTestId("lanes-playhead");
  }

  // —— Zoom ——

  /** "fit", or the zoom as "120 px/s". */
  zoomReadout(): Locator {
    return this.root.getByTestId("zoom-level");
  }

  /** The zoom in pixels per second, or null when fitted to the view. */
  async pixelsPerSecond(): Promise<number | null> {
    const text = ((await this.zoomReadout().textContent()) ?? "").trim();
    if (text === "fit") return null;
    const match = /^([\d.]+) px\/s$/.exec(text);
    if (!match) throw new Error(`unexpected zoom read-out: ${text}`);
    return Number(match[1]);
  }

  async zoomIn(): Promise<void> {
    await this.root.getByTestId("zoom-in").click();
  }

  async zoomOut(): Promise<void> {
    await this.root.getByTestId("zoom-out").click();
  }

  async zoomToFit(): Promise<void> {
    await this.root.getByTestId("zoom-fit").click();
    await expect(this.zoomReadout()).toHaveText("fit");
  }

  timeAxis(): Locator {
    return this.root.getByTestId("time-axis");
  }

  // —— Lanes and curves ——

  /** Every emotion-curve lane (one per model shown). */
  curveLanes(): Locator {
    return this.root.locator('[data-testid="curves-lane"], [data-testid="curves-lane-compare"]');
  }

  /** The primary model's curve lane, optionally required to be of `modelId`; data-state is loading, ready or error. */
  curvesLane(modelId?: string): Locator {
    const lane = this.root.getByTestId("curves-lane");
    return modelId === undefined ? lane : lane.and(this.root.locator(`[data-model="${modelId}"]`));
  }

  /** Draws a second model's curves in a lane of their own under the first. */
  async compareWith(modelId: string): Promise<Locator> {
    await this.root.getByTestId("compare-model").selectOption(modelId);
    return this.root.getByTestId("curves-lane-compare").and(this.root.locator(`[data-model="${modelId}"]`));
  }

  /** A lane's drawing; its accessible name says how many classes it draws ("Frame curves of 9 emotion classes by …"). */
  curvesImage(lane: Locator = this.curvesLane()): Locator {
    return lane.getByRole("img");
  }

  /**
   * The share of a lane's canvas pixels painted in colour. The grid (and the
   * neutral class) are grey, so an empty lane reads 0 and drawn curves more.
   */
  async colouredShare(lane: Locator = this.curvesLane()): Promise<number> {
    return lane.locator("canvas").evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext("2d");
      if (!context || canvas.width === 0 || canvas.height === 0) return 0;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let coloured = 0;
      for (let index = 0; index < data.length; index += 4) {
        const [red = 0, green = 0, blue = 0, alpha = 0] = data.subarray(index, index + 4);
        if (alpha > 0 && Math.max(red, green, blue) - Math.min(red, green, blue) > 40) coloured += 1;
      }
      return coloured / (canvas.width * canvas.height);
    });
  }

  /** Hovers a lane at a fraction of its width; resolves the tooltip with the scores there. */
  async hoverLane(fraction: number, lane: Locator = this.curvesLane()): Promise<Locator> {
    const canvas = lane.locator("canvas");
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error("the curve lane is not on screen");
    await this.page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2);
    const tooltip = lane.getByRole("tooltip");
    await expect(tooltip).toBeVisible();
    return tooltip;
  }

  /** Shows the curves' classes ("Classes shown"): one pressed toggle per class drawn. */
  legend(): Locator {
    return this.root.getByRole("group", { name: "Classes shown" });
  }

  legendButtons(): Locator {
    return this.legend().getByRole("button");
  }

  legendButton(label: string): Locator {
    return this.legend().getByRole("button", { name: label, exact: true });
  }

  uncalibratedNote(): Locator {
    return this.root.getByTestId("uncalibrated-note");
  }

  // —— Summary ——

  /** The whole recording's utterance scores (nine bars, the top one marked). */
  recordingScores(): Locator {
    return this.root.getByTestId("summary-recording").getByRole("list", { name: "Utterance scores" }).getByRole("listitem");
  }

  /** The selected region's mean frame scores. */
  regionSummary(): Locator {
    return this.root.getByTestId("summary-region");
  }

  // —— Regions ——

  /** Region overlays on the waveform (inside wavesurfer's shadow DOM). */
  regions(): Locator {
    return this.root.getByTestId("waveform-region");
  }

  region(regionId: string): Locator {
    return this.root.locator(`[data-testid="waveform-region"][data-region-id="${regionId}"]`);
  }

  /**
   * Draws a region by dragging across the waveform between two fractions of
   * its visible width; resolves the new region's id once it is selected.
   */
  async drawRegion(fromFraction: number, toFraction: number): Promise<string> {
    const before = new Set(await this.regions().evaluateAll((elements) => elements.map((element) => element.getAttribute("data-region-id") ?? "")));
    await this.waveform().scrollIntoViewIfNeeded();
    const box = await this.waveform().boundingBox();
    if (!box) throw new Error("the waveform is not on screen");
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width * fromFraction, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width * toFraction, y, { steps: 12 });
    await this.page.mouse.up();
    const created = this.root.locator('[data-testid="waveform-region"][data-selected="true"]');
    await expect(created).toHaveCount(1);
    const id = await created.getAttribute("data-region-id");
    if (!id || before.has(id)) throw new Error("dragging across the waveform drew no new region");
    return id;
  }
}
