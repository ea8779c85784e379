import { expect, type Locator, type Page } from "@playwright/test";
import { JobsPanel } from "./jobs-panel";

export type PanelTab = "jobs" | "problems" | "output";

/** Page object for the bottom panel: Jobs, Problems and Output tabs. */
export class PanelView {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByRole("region", { name: "Panel", exact: true });
  }

  tab(tab: PanelTab): Locator {
    return this.root.getByTestId(`panel-tab-${tab}`);
  }

  async show(tab: PanelTab): Promise<void> {
    await this.tab(tab).click();
    await expect(this.tab(tab)).toHaveAttribute("aria-selected", "true");
  }

  jobs(): JobsPanel {
    return new JobsPanel(this.page);
  }

  problems(): Locator {
    return this.root.getByTestId("problems-list");
  }

  /** The Output log; entries name their source ("editor", "labelling", …). */
  output(): Locator {
    return this.root.getByTestId("output-log");
  }

  async close(): Promise<void> {
    await this.root.getByTestId("panel-close").click();
    await expect(this.root).toBeHidden();
  }
}
