import { expect, test } from "@playwright/test";
import { DEMO_CORPUS, DEMO_READY_TIMEOUT, DEMO_SERVER_URL, waitForDemo } from "./driver/demo-server";
import { ProjectionsDriver } from "./driver/projection-editor";
import { WorkbenchPage } from "./driver/workbench-page";

// The demo server: 90 recordings of 10 patients in two cohorts, analysed with the default model.
test.use({ baseURL: DEMO_SERVER_URL });
test.describe.configure({ mode: "serial" });

const JOB_TIMEOUT = 180_000;

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(DEMO_READY_TIMEOUT + 60_000);
  await waitForDemo(playwright.request);
});

test("projects the demo corpus, colours and filters it, selects with a box, clusters it and exports it", async ({ page }, testInfo) => {
  test.setTimeout(4 * JOB_TIMEOUT);
  const workbench = new WorkbenchPage(page);
  await workbench.open();
  await workbench.openActivity("Projections");
  const editor = await new ProjectionsDriver(page).create({ corpus: DEMO_CORPUS });
  await editor.waitUntilComputed(JOB_TIMEOUT);
  expect(await editor.pointCount()).toBe(90);
  await expect.poll(() => editor.colouredPixels()).toBeGreaterThan(200);
  await page.screenshot({ path: testInfo.outputPath("projection.png") });

  // Colour by cohort; hiding a cohort in the legend hides its points.
  await editor.colourBy("Cohort");
  const control = editor.legendEntry("control");
  const controlCount = Number(await control.getAttribute("data-count"));
  expect(controlCount).toBeGreaterThan(0);
  await control.click();
  await expect.poll(() => editor.visibleCount()).toBe(90 - controlCount);
  await control.click();
  await expect.poll(() => editor.visibleCount()).toBe(90);

  // A box over the whole plot selects everything visible; the selection's comparison and list follow.
  await editor.selectWithBox([0.01, 0.01], [0.99, 0.99]);
  await expect.poll(() => editor.selectedCount()).toBe(90);
  await expect(editor.selection()).toHaveAttribute("data-selected", "90");
  await editor.selection().getByTestId("selection-list-toggle").click();
  await expect(editor.selection().getByTestId("selection-list").getByRole("listitem")).toHaveCount(90);
  await editor.canvas().focus();
  await page.keyboard.press("Escape");
  await expect.poll(() => editor.selectedCount()).toBe(0);

  // Half the plot: a part of the points, compared with the rest.
  await editor.selectWithBox([0.01, 0.01], [0.5, 0.99]);
  await expect.poll(() => editor.selectedCount()).toBeGreaterThan(0);
  const part = await editor.selectedCount();
  expect(part).toBeLessThan(90);
  await editor.selection().getByTestId("selection-compare").click();
  await expect(editor.selection().getByTestId("selection-comparison")).toContainText(/χ²\(\d+\)|No test/);

  // Clusters on the full embeddings colour the plot and are summarised.
  await editor.clusterWithKMeans(3, JOB_TIMEOUT);
  await expect(editor.root.getByTestId("projection-color-by")).toHaveValue("cluster");
  await expect(editor.clusters().getByTestId("cluster-row")).toHaveCount(3);

  // Exports: the coordinates with metadata as CSV, the figure as SVG and PNG.
  const csv = await editor.download("projection-export-csv");
  const lines = csv.text.replace(/^\ufeff/, "").trim().split("\r\n");
  expect(lines[0]).toMatch(/^x,y,recording_id,region_id,start_seconds,end_seconds,recording,patient,cohorts,session,session_date,human_label,predicted,confidence,placed,cluster,meta_/);
  expect(lines).toHaveLength(91);
  const svg = await editor.download("projection-export-svg");
  expect(svg.text).toMatch(/^<\?xml|^<svg/);
  expect(svg.text).toContain("</svg>");
  const png = await editor.download("projection-export-png");
  expect(png.bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(100);
});

test("creates a cohort from a selection, labels it in bulk, and compares cohorts per patient", async ({ page }) => {
  test.setTimeout(2 * JOB_TIMEOUT);
  const workbench = new WorkbenchPage(page);
  await workbench.open();
  await workbench.openActivity("Projections");
  const editor = await new ProjectionsDriver(page).openNewest(JOB_TIMEOUT);

  // Only patient P01 shown: hidden points cannot be selected, so a box over everything takes P01's recordings.
  await editor.colourBy("Patient");
  const p01 = editor.legendEntry("P01");
  const sessions = Number(await p01.getAttribute("data-count"));
  expect(sessions).toBeGreaterThan(1);
  await p01.click({ modifiers: ["Alt"] });
  await expect.poll(() => editor.visibleCount()).toBe(sessions);
  await editor.selectWithBox([0.01, 0.01], [0.99, 0.99]);
  await expect(editor.selection()).toHaveAttribute("data-selected", String(sessions));

  page.once("dialog", (dialog) => void dialog.accept("P01 alone"));
  await editor.selection().getByTestId("selection-create-cohort").click();
  await expect(editor.selection().getByTestId("selection-cohort-created")).toContainText("P01 alone");

  await editor.selection().getByTestId("selection-label-emotion").selectOption("neutral");
  page.once("dialog", (dialog) => void dialog.accept());
  await editor.selection().getByTestId("selection-label").click();
  await expect(editor.selection()).toContainText(`Labelled ${sessions} recordings.`);
  const projectionId = await editor.root.getAttribute("data-projection-id");
  const points = (await (await page.request.get(`/api/projections/${projectionId}/points`)).json()) as { patients: (string | null)[]; humanEmotion: (string | null)[] };
  const labels = points.patients.flatMap((patient, index) => (patient === "P01" ? [points.humanEmotion[index]] : []));
  expect(labels).toEqual(new Array(sessions).fill("neutral"));

  // The new cohort sits beside the demo's own; two of those compared, per patient by default.
  await workbench.openActivity("Cohorts");
  const rows = page.getByTestId("cohort-row");
  await expect(rows.filter({ hasText: "P01 alone" })).toHaveCount(1);
  await page.getByRole("checkbox", { name: "control", exact: true }).check();
  await page.getByRole("checkbox", { name: "depression", exact: true }).check();
  await page.getByTestId("cohorts-compare").click();
  await expect(page.getByTestId("cohort-level-statement")).toContainText(/per patient/i, { timeout: 60_000 });
  await expect(page.getByTestId("cohort-test-row")).toHaveCount(9);
  await expect(page.getByTestId("cohort-centroid-row").first()).toBeVisible();
});

test("draws a patient's sessions as a path and opens their trajectory", async ({ page }) => {
  test.setTimeout(JOB_TIMEOUT);
  const workbench = new WorkbenchPage(page);
  await workbench.open();
  await workbench.openActivity("Projections");
  const editor = await new ProjectionsDriver(page).openNewest(JOB_TIMEOUT);
  const picker = editor.root.getByTestId("projection-patient-path");
  await picker.selectOption({ label: (await picker.locator("option", { hasText: /^P01 / }).textContent())! });
  await editor.root.getByRole("button", { name: "Trajectory…" }).click();
  // The demo's P01 has three dated sessions: two steps between them.
  const sessions = page.getByTestId("trajectory-session-row");
  await expect(sessions).toHaveCount(3, { timeout: 60_000 });
  await expect(page.getByTestId("trajectory-distance-chart")).toBeVisible();
  await expect(page.getByTestId("trajectory-proportion-chart")).toBeVisible();
});
