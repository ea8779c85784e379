import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Page object for the quick input: the command palette (text starting with
 * ">", Ctrl+Shift+P or F1) and quick open (recordings by name, patient or
 * session, Ctrl+P), plus the keyboard shortcuts reference.
 */
export class QuickInputView {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId("quick-input");
  }

  input(): Locator {
    return this.root.getByRole("combobox");
  }

  options(): Locator {
    return this.root.getByRole("option");
  }

  /** The list the palette shows: "Commands" or "Recordings". */
  list(name: "Commands" | "Recordings"): Locator {
    return this.root.getByRole("listbox", { name });
  }

  /** The line that says why the list is empty ("No recordings match."). */
  statusLine(): Locator {
    return this.root.getByRole("status");
  }

  async openCommands(key: "Control+Shift+P" | "F1" = "Control+Shift+P"): Promise<void> {
    await this.page.keyboard.press(key);
    await expect(this.root).toBeVisible();
    await expect(this.root).toHaveAttribute("data-mode", "commands");
    await expect(this.input()).toBeFocused();
  }

  async openQuickOpen(): Promise<void> {
    await this.page.keyboard.press("Control+P");
    await expect(this.root).toBeVisible();
    await expect(this.root).toHaveAttribute("data-mode", "recordings");
    await expect(this.input()).toBeFocused();
  }

  /** Types after what the box holds (">" in the palette). */
  async type(text: string): Promise<void> {
    await this.input().pressSequentially(text);
  }

  /** An option whose label is `label` (a command's "Category: Title", a recording's file name). */
  option(label: string | RegExp): Locator {
    return this.options().filter({ has: this.page.getByText(label, typeof label === "string" ? { exact: true } : undefined) });
  }

  /** Opens the palette, finds a command by its title and runs it with Enter. */
  async runCommand(query: string, label: string | RegExp): Promise<void> {
    await this.openCommands();
    await this.type(query);
    await this.choose(this.option(label));
  }

  /**
   * Types a search and waits for the server's answer to exactly that text:
   * the list keeps showing the previous answer until then, and choosing from
   * it could open another recording. A text searched shortly before is
   * answered from the cache without a request, and is final at once.
   */
  async search(query: string): Promise<void> {
    const answered = this.page
      .waitForResponse((response) => response.url().includes("/api/search?") && new URL(response.url()).searchParams.get("q") === query.trim(), { timeout: 15_000 })
      .catch(() => null);
    await this.type(query);
    await answered;
  }

  /** Opens quick open, searches and opens the recording whose option matches `label` (and `detail`, when given). */
  async openRecording(query: string, label: string, detail?: string): Promise<void> {
    await this.openQuickOpen();
    await this.search(query);
    const option = detail === undefined ? this.option(label) : this.option(label).filter({ hasText: detail });
    await this.choose(option);
  }

  /** Moves the active option to `option` with Down (the list wraps) and presses Enter, as the keyboard does. */
  async choose(option: Locator): Promise<void> {
    await expect(option).toHaveCount(1);
    const target = Number(await option.getAttribute("data-index"));
    const activeId = (await this.input().getAttribute("aria-activedescendant")) ?? "";
    const active = Number(activeId.split("-option-").pop() ?? "0");
    const count = await this.options().count();
    const presses = (target - active + count) % count;
    for (let press = 0; press < presses; press++) await this.page.keyboard.press("ArrowDown");
    await expect(option).toHaveAttribute("aria-selected", "true");
    await this.page.keyboard.press("Enter");
    await expect(this.root).toBeHidden();
  }

  async close(): Promise<void> {
    await this.page.keyboard.press("Escape");
    await expect(this.root).toBeHidden();
  }

  /** The keyboard shortcuts reference (Ctrl+K or the Keyboard Shortcuts command). */
  shortcutsDialog(): Locator {
    return this.page.getByTestId("shortcuts-dialog");
  }
}
