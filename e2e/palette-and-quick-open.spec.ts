import { expect, test } from "@playwright/test";
import { DEMO_READY_TIMEOUT, DEMO_SERVER_URL, LONG_SESSION, OTHER_SESSION, waitForDemo } from "./driver/demo-server";
import { WorkbenchPage } from "./driver/workbench-page";

// The demo server (playwright.config.ts): quick open needs recordings with patients and sessions.
test.use({ baseURL: DEMO_SERVER_URL });
test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(DEMO_READY_TIMEOUT + 30_000);
  await waitForDemo(playwright.request);
});

test("runs commands from the palette: the panel, the colour theme and the shortcuts reference", async ({ page }, testInfo) => {
  const workbench = new WorkbenchPage(page);
  await workbench.open();
  const palette = workbench.quickInput();
  const panel = workbench.panel();
  await expect(panel.root).toBeVisible();

  // Ctrl+Shift+P lists commands with their keys; running one closes the palette and does it.
  await palette.openCommands();
  await expect(palette.list("Commands")).toBeVisible();
  await palette.type("toggle panel");
  await expect(palette.option("View: Toggle Panel")).toContainText("Ctrl+J");
  await page.screenshot({ path: testInfo.outputPath("palette-toggle-panel.png") });
  await palette.choose(palette.option("View: Toggle Panel"));
  await expect(panel.root).toBeHidden();

  // F1 opens it too; the command just run is offered first.
  await palette.openCommands("F1");
  await expect(palette.options().first()).toContainText("View: Toggle Panel");
  await expect(palette.options().first()).toContainText("recently used");
  await palette.choose(palette.options().first());
  await expect(panel.root).toBeVisible();

  await palette.runCommand("color theme dark", "Preferences: Color Theme: Dark");
  await expect.poll(() => workbench.theme()).toBe("dark");
  await page.screenshot({ path: testInfo.outputPath("dark-theme.png") });
  // The choice is remembered across a reload.
  await workbench.reload();
  expect(await workbench.theme()).toBe("dark");
  await palette.runCommand("color theme follow", "Preferences: Color Theme: Follow OS");
  await expect.poll(() => workbench.theme()).toBeNull();

  await palette.runCommand("keyboard shortcuts", "Help: Keyboard Shortcuts");
  const shortcuts = palette.shortcutsDialog();
  await expect(shortcuts).toBeVisible();
  await expect(shortcuts.getByRole("heading", { name: "Keyboard shortcuts" })).toBeVisible();
  await shortcuts.getByLabel("Filter shortcuts").fill("toggle panel");
  await expect(shortcuts.getByRole("row").filter({ hasText: "Toggle Panel" })).toContainText("Ctrl+J");
  await page.keyboard.press("Escape");
  await expect(shortcuts).toBeHidden();

  // Escape closes the palette without running anything.
  await palette.openCommands();
  await palette.type("toggle panel");
  await palette.close();
  await expect(panel.root).toBeVisible();
});

test("quick open finds recordings by file name and by patient code, and lists the recently opened", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const workbench = new WorkbenchPage(page);
  await workbench.open();
  const quickOpen = workbench.quickInput();

  await quickOpen.openRecording("P08_S1_interview", OTHER_SESSION.fileName);
  await expect(workbench.editorTab(OTHER_SESSION.fileName)).toHaveAttribute("aria-selected", "true");
  const byName = workbench.editor();
  await expect(byName.title()).toHaveText(OTHER_SESSION.fileName);
  await byName.waitUntilReady();

  // By patient code: the patient's recordings, each saying why it matched.
  await quickOpen.openQuickOpen();
  await quickOpen.search(LONG_SESSION.patientCode);
  await expect(quickOpen.list("Recordings")).toBeVisible();
  const patientOption = quickOpen.option(LONG_SESSION.fileName);
  await expect(patientOption).toContainText(`patient: ${LONG_SESSION.patientCode}`);
  await expect(quickOpen.options().filter({ hasNotText: `patient: ${LONG_SESSION.patientCode}` })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("quick-open-by-patient.png") });
  await quickOpen.choose(patientOption);
  await expect(workbench.editorTab(LONG_SESSION.fileName)).toHaveAttribute("aria-selected", "true");
  await expect(workbench.editorTabs()).toHaveCount(2);
  await workbench.editor().waitUntilReady();

  // Empty, quick open offers the recently opened, the latest first; choosing one switches tabs.
  await quickOpen.openQuickOpen();
  await expect(quickOpen.options()).toHaveCount(2);
  await expect(quickOpen.options().nth(0)).toContainText(LONG_SESSION.fileName);
  await expect(quickOpen.options().nth(1)).toContainText(OTHER_SESSION.fileName);
  await expect(quickOpen.options().nth(1)).toContainText("recently opened");
  await quickOpen.choose(quickOpen.options().nth(1));
  await expect(workbench.editorTab(OTHER_SESSION.fileName)).toHaveAttribute("aria-selected", "true");
  await expect(workbench.editorTabs()).toHaveCount(2);

  await quickOpen.openQuickOpen();
  await quickOpen.search("no-such-recording-xyz");
  await expect(quickOpen.statusLine()).toHaveText("No recordings match.");
  await quickOpen.close();

  await workbench.closeEditor(OTHER_SESSION.fileName);
  await expect(workbench.editorTab(LONG_SESSION.fileName)).toHaveAttribute("aria-selected", "true");
});
