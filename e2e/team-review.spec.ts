import { expect, test } from "@playwright/test";
import { DEMO_READY_TIMEOUT, DEMO_SERVER_URL, waitForDemo } from "./driver/demo-server";
import { WorkbenchPage } from "./driver/workbench-page";

// The demo server, single-user: the local researcher annotates and reviews, on a recording no other spec touches.
test.use({ baseURL: DEMO_SERVER_URL });

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(DEMO_READY_TIMEOUT + 30_000);
  await waitForDemo(playwright.request);
});

test("gives an annotation apart from the final label, then accepts it as the final label", async ({ page }) => {
  test.setTimeout(120_000);
  const workbench = new WorkbenchPage(page);
  await workbench.open();
  await workbench.quickInput().openRecording("P09_S3_u2", "P09_S3_u2.opus");
  const editor = workbench.editor();
  await editor.waitUntilReady();
  const labelling = editor.labelling();
  const panel = labelling.root.getByTestId("annotations-panel");
  await expect(panel).toBeVisible();

  // The annotation is the annotator's own: the final label does not change.
  const before = await labelling.recordingLabel().textContent();
  await panel.getByLabel("My annotation").selectOption("fearful");
  await panel.getByRole("button", { name: "Save annotation" }).click();
  const row = panel.locator('[data-testid="annotation-row"][data-annotator="local"]');
  await expect(row).toHaveAttribute("data-emotion", "fearful");
  await expect(labelling.recordingLabel()).toHaveText(before ?? "");

  // Accepting it makes it the final label, which the label keys and exports read.
  await row.getByRole("button", { name: "Accept local's label" }).click();
  await expect(labelling.recordingLabel()).toContainText("fearful");
  await expect(labelling.labelButton("fearful")).toHaveAttribute("aria-pressed", "true");
});
