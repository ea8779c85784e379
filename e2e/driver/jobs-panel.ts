import type { Locator, Page } from "@playwright/test";

/** Page object for the Jobs tab of the panel. */
export class JobsPanel {
  constructor(private readonly page: Page) {}

  rows(): Locator {
    return this.page.getByRole("table", { name: "Recent jobs" }).getByRole("row").filter({ has: this.page.getByRole("cell") });
  }
}
