import { expect, type Locator, type Page } from "@playwright/test";
import { ImportDialogPage } from "./import-dialog";

/** Page object for the Explorer side bar: Import… and the corpora with their recordings. */
export class ExplorerView {
  constructor(private readonly page: Page) {}

  async openImportDialog(): Promise<ImportDialogPage> {
    await this.page.getByRole("complementary").getByRole("button", { name: "Import…" }).click();
    const dialog = new ImportDialogPage(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  recordings(corpusName: string): Locator {
    return this.page.getByRole("list", { name: `Recordings of ${corpusName}` }).getByRole("listitem");
  }

  recording(corpusName: string, fileName: string): Locator {
    return this.recordings(corpusName).filter({ hasText: fileName });
  }

  /** Opens a recording's detail in the editor area; resolves its audio element. */
  async openRecording(corpusName: string, fileName: string): Promise<Locator> {
    await this.recording(corpusName, fileName).getByRole("button").first().click();
    const detail = this.page.getByRole("main").getByRole("article");
    await expect(detail.getByRole("heading", { level: 1 })).toHaveText(fileName);
    return detail.locator("audio");
  }
}
