import { expect, type Locator, type Page } from "@playwright/test";

/** The Exports view and the new-export dialog. */
export class ExportsDriver {
  constructor(private readonly page: Page) {}

  view(): Locator {
    return this.page.getByTestId("exports-view");
  }

  async start(options: { corpus: string; name: string; policy: "human" | "human-over-model" | "model"; formats: readonly string[] }): Promise<void> {
    await this.view().getByRole("button", { name: /New Export/ }).click();
    const dialog = this.page.getByTestId("new-export-dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Name").fill(options.name);
    await dialog.getByRole("checkbox", { name: new RegExp(`^${options.corpus} \\(`) }).check();
    await dialog.getByTestId("export-policy").selectOption(options.policy);
    for (const format of options.formats) await dialog.getByRole("checkbox", { name: format, exact: true }).check();
    await dialog.getByTestId("export-start").click();
    await expect(dialog).toBeHidden();
  }

  entry(name: string): Locator {
    return this.view().getByTestId("export-item").filter({ hasText: name });
  }
}
