import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";

export interface ImportOptions {
  corpusName: string;
  manifestPath?: string;
  manifestComplete?: boolean;
  splitChannels?: boolean;
}

/** A file on disk by its path, or made in the test. */
export type UploadFile = string | { name: string; mimeType: string; buffer: Buffer };

/** Page object for the import dialog: both source tabs, the job's progress and its report. */
export class ImportDialogPage {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByRole("dialog", { name: "Import recordings" });
  }

  async chooseTab(name: "From a folder on this machine" | "Upload"): Promise<void> {
    await this.root.getByRole("tab", { name }).click();
  }

  async fillOptions(options: ImportOptions): Promise<void> {
    await this.root.getByLabel("Corpus name").fill(options.corpusName);
    if (options.manifestPath !== undefined) await this.root.getByLabel("Manifest (optional)").fill(options.manifestPath);
    await this.root.getByLabel("Manifest lists every file").setChecked(options.manifestComplete ?? false);
    await this.root.getByLabel("Keep channels as separate tracks").setChecked(options.splitChannels ?? false);
  }

  async importFolder(folder: string, options: ImportOptions): Promise<void> {
    await this.chooseTab("From a folder on this machine");
    await this.root.getByLabel("Folder or file on this machine").fill(folder);
    await this.fillOptions(options);
    await this.root.getByRole("button", { name: "Start import" }).click();
  }

  async uploadAndImport(files: UploadFile[], options: ImportOptions): Promise<void> {
    await this.chooseTab("Upload");
    // setInputFiles takes paths or buffers, not a mix.
    const payloads = files.map((file) =>
      typeof file === "string" ? { name: path.basename(file), mimeType: "application/octet-stream", buffer: readFileSync(file) } : file,
    );
    await this.root.getByLabel("Choose files…").setInputFiles(payloads);
    await expect(this.selection()).toContainText(`${files.length} file`);
    await this.fillOptions(options);
    await this.root.getByRole("button", { name: "Upload and import" }).click();
  }

  /** Picks a whole folder with the folder picker (webkitdirectory), then starts. */
  async uploadFolderAndImport(folder: string, options: ImportOptions): Promise<void> {
    await this.chooseTab("Upload");
    await this.root.getByLabel("Choose a folder…").setInputFiles(folder);
    await expect(this.selection()).not.toHaveText("No files chosen.");
    await this.fillOptions(options);
    await this.root.getByRole("button", { name: "Upload and import" }).click();
  }

  /** Drops files on the drop zone as a drag from the desktop would. */
  async dropFiles(files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
    await this.chooseTab("Upload");
    const encoded = files.map((file) => ({ name: file.name, mimeType: file.mimeType, base64: file.buffer.toString("base64") }));
    const dataTransfer = await this.page.evaluateHandle((payloads) => {
      const transfer = new DataTransfer();
      for (const payload of payloads) {
        const bytes = Uint8Array.from(atob(payload.base64), (character) => character.charCodeAt(0));
        transfer.items.add(new File([bytes], payload.name, { type: payload.mimeType }));
      }
      return transfer;
    }, encoded);
    const zone = this.root.getByRole("group", { name: "Files to upload" });
    await zone.dispatchEvent("dragover", { dataTransfer });
    await zone.dispatchEvent("drop", { dataTransfer });
  }

  /** "3 files chosen, 1.2 MiB." */
  selection(): Locator {
    return this.root.getByTestId("upload-selection");
  }

  async clearSelection(): Promise<void> {
    await this.root.getByRole("button", { name: "Clear" }).click();
  }

  /** The line that says where the job stands ("Importing…", "Import finished."). */
  status(): Locator {
    return this.root.getByTestId("import-status");
  }

  /** The files the server refused during an upload, with its reasons. */
  uploadFailures(): Locator {
    return this.root.getByTestId("upload-failures");
  }

  error(): Locator {
    return this.root.getByRole("alert");
  }

  /** Waits for the job to finish successfully and its report to show. */
  async waitForReport(timeout: number): Promise<Locator> {
    await expect(this.status()).toHaveAttribute("data-status", "succeeded", { timeout });
    const report = this.root.getByRole("region", { name: "Import report" });
    await expect(report).toBeVisible();
    return report;
  }

  async count(name: "imported" | "warnings" | "duplicates" | "failed" | "problems" | "skipped"): Promise<number> {
    return Number(await this.root.getByTestId(`import-count-${name}`).getByRole("definition").textContent());
  }

  /** The report row of one input, by its path as the report shows it. */
  reportRow(path: string): Locator {
    return this.root.getByRole("table", { name: "Import report entries" }).getByRole("row").filter({
      has: this.page.getByRole("cell", { name: path, exact: true }),
    });
  }

  csvLink(): Locator {
    return this.root.getByRole("link", { name: "Download CSV" });
  }

  async close(): Promise<void> {
    await this.page.keyboard.press("Escape");
    await expect(this.root).toBeHidden();
  }
}
