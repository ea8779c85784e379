import { expect, test } from "@playwright/test";
import { WorkbenchPage } from "./driver/workbench-page";

test("serves the workbench shell with the embedded database in the status bar", async ({ page }, testInfo) => {
  const workbench = new WorkbenchPage(page);
  await workbench.open();

  await expect(workbench.activities()).toHaveCount(7);
  await expect(workbench.activities().first()).toHaveAccessibleName("Explorer");
  await expect(workbench.databaseStatus()).toHaveText("Embedded database");
  await expect(workbench.statusBar).toContainText("Resonance 0.1.0");

  await workbench.openActivity("Jobs");
  await expect(workbench.sideBarHeading()).toHaveText("Jobs");

  await page.screenshot({ path: testInfo.outputPath("workbench-shell.png"), fullPage: true });
});

test("toggles the side bar and the panel with their keys and switches the panel's tabs", async ({ page }, testInfo) => {
  const workbench = new WorkbenchPage(page);
  await workbench.open();
  const panel = workbench.panel();
  await expect(workbench.sideBar).toBeVisible();
  await expect(panel.tab("jobs")).toHaveAttribute("aria-selected", "true");

  await page.keyboard.press("Control+B");
  await expect(workbench.sideBar).toBeHidden();
  await page.keyboard.press("Control+B");
  await expect(workbench.sideBar).toBeVisible();
  await expect(workbench.sideBarHeading()).toHaveText("Explorer");

  await panel.show("output");
  await expect(panel.root.getByRole("tabpanel")).toHaveAttribute("data-testid", "panel-output");
  await page.keyboard.press("Control+Shift+M");
  await expect(panel.tab("problems")).toHaveAttribute("aria-selected", "true");
  await expect(panel.root.getByRole("tabpanel")).toHaveAttribute("data-testid", "panel-problems");
  await page.screenshot({ path: testInfo.outputPath("panel-problems.png") });
  await page.keyboard.press("Control+J");
  await expect(panel.root).toBeHidden();
  await page.keyboard.press("Control+J");
  await expect(panel.tab("problems")).toHaveAttribute("aria-selected", "true");
  await panel.close();
});

test("reports a migrated embedded database on /api/health", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  const health = await response.json();
  expect(health.status).toBe("ok");
  expect(health.database.mode).toBe("embedded");
  expect(health.database.migrations.pending).toEqual([]);
  expect(health.database.migrations.applied).toBeGreaterThan(0);
  expect(health.version).toBe("0.1.0");
});
