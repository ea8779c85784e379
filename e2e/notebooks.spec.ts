import { expect, test } from "@playwright/test";
import { DEMO_CORPUS, DEMO_READY_TIMEOUT, DEMO_SERVER_URL, waitForDemo } from "./driver/demo-server";
import { NotebookEditorDriver, NotebooksDriver } from "./driver/notebook-editor";
import { ProjectionsDriver } from "./driver/projection-editor";
import { WorkbenchApi } from "./driver/workbench-api";
import { WorkbenchPage } from "./driver/workbench-page";

// The demo server: 90 recordings of 10 patients in two cohorts, analysed with the default model.
test.use({ baseURL: DEMO_SERVER_URL });
test.describe.configure({ mode: "serial" });

const JOB_TIMEOUT = 180_000;
const PER_COHORT = `SELECT m.cohort_name, l.emotion, count(*)::int AS n
FROM labels l JOIN recordings r USING (recording_id)
JOIN cohort_members m ON m.patient_id = r.patient_id
WHERE l.is_current AND l.region_id IS NULL GROUP BY 1, 2 ORDER BY 1, 2`;

interface IpynbOutput {
  output_type: string;
  data?: Record<string, unknown>;
}
interface IpynbCell {
  cell_type: string;
  id: string;
  source: string[] | string;
  outputs?: IpynbOutput[];
  metadata: { resonance?: { kind: string } };
}

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(DEMO_READY_TIMEOUT + 60_000);
  await waitForDemo(playwright.request);
});

test("a notebook with a note, SQL per cohort, a bar chart and a projection view survives a reload, goes stale, and exports as .ipynb", async ({ page, request }, testInfo) => {
  test.setTimeout(3 * JOB_TIMEOUT);
  const workbench = new WorkbenchPage(page);
  const api = new WorkbenchApi(request);
  await workbench.open();

  // Labels to count: three recordings of different patients labelled in one bulk edit.
  const recordings = (await api.recordingsOf(DEMO_CORPUS)).filter((recording) => recording.patientCode);
  const byPatient = new Map(recordings.map((recording) => [recording.patientCode, recording]));
  const labelled = [...byPatient.values()].slice(-3);
  const bulk = await request.post("/api/labels/bulk", { data: { targets: labelled.map((recording) => ({ recordingId: recording.id, regionId: null })), emotion: "surprised" } });
  expect(bulk.status(), await bulk.text()).toBe(200);

  // A finished projection for the view cell.
  const listed = (await (await request.get("/api/projections")).json()) as { projections: { id: string; name: string; status: string }[] };
  let projection = listed.projections.find((entry) => entry.status === "succeeded");
  if (!projection) {
    await workbench.openActivity("Projections");
    const editor = await new ProjectionsDriver(page).create({ corpus: DEMO_CORPUS });
    await editor.waitUntilComputed(JOB_TIMEOUT);
    projection = ((await (await request.get("/api/projections")).json()) as typeof listed).projections.find((entry) => entry.status === "succeeded")!;
  }

  await workbench.openActivity("Notebooks");
  const notebooks = new NotebooksDriver(page);
  const notebook = await notebooks.create("Surprise by cohort");
  await expect(notebooks.item("Surprise by cohort")).toBeVisible();

  // A note with math, rendered by Shift+Enter, which moves on to a new SQL cell.
  const note = await notebook.add("Markdown");
  await note.getByLabel("Markdown", { exact: true }).fill("# Labels per cohort\n\nShare of a label: $p = n / N$.");
  await page.keyboard.press("Shift+Enter");
  await expect(note.getByTestId("notebook-markdown").getByRole("heading", { name: "Labels per cohort" })).toBeVisible();
  await expect(note.locator(".katex")).toHaveCount(1);

  const sql = notebook.cellOfKind("sql");
  await expect(sql.getByLabel("SQL", { exact: true })).toBeFocused();
  await sql.getByLabel("SQL", { exact: true }).fill(PER_COHORT);
  await sql.getByRole("button", { name: "Run cell 2" }).click();
  const table = sql.getByTestId("notebook-result").getByRole("table");
  await expect(table).toBeVisible({ timeout: 30_000 });
  await expect(table.getByRole("columnheader")).toHaveText(["cohort_name", "emotion", "n"]);
  const surprised = table.getByRole("row").filter({ hasText: "surprised" });
  await expect(surprised.first()).toBeVisible();
  await expect(sql).toHaveAttribute("data-state", "fresh");
  await expect(sql.getByTestId("cell-provenance")).toContainText(/Rows \d+/);

  // Sorting by n descending puts the largest count first.
  const sortByN = table.getByRole("button", { name: /^n( [▴▾])?$/ });
  await sortByN.click();
  await sortByN.click();
  await expect(table.locator("th").nth(2)).toHaveAttribute("aria-sort", "descending");
  const counts = (await table.locator("tbody tr td:nth-child(3)").allTextContents()).map(Number);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));

  // A bar chart of n by emotion, coloured by cohort.
  await sql.getByRole("button", { name: "Chart this result" }).click();
  const chart = notebook.cellOfKind("chart");
  await expect(chart).toBeVisible();
  await chart.getByLabel("Chart type", { exact: true }).selectOption("bar");
  await chart.getByLabel("X", { exact: true }).selectOption("emotion");
  await chart.getByLabel("Y", { exact: true }).selectOption("n");
  await chart.getByLabel("Colour", { exact: true }).selectOption("cohort_name");
  await expect(chart.locator("svg .chart-bar").first()).toBeVisible();
  const bars = await chart.locator("svg .chart-bar").count();
  expect(bars).toBeGreaterThan(0);

  // A live view of the projection.
  const view = await notebook.add("View");
  await view.getByLabel("View", { exact: true }).selectOption("projection");
  await view.getByLabel("Projection", { exact: true }).selectOption(projection.id);
  await view.getByRole("button", { name: "Apply" }).click();
  await expect(view.locator('[data-view-kind="projection"]')).toBeVisible();
  await expect(view).toHaveAttribute("data-state", "fresh", { timeout: 30_000 });
  await notebook.waitUntilSaved();
  await page.screenshot({ path: testInfo.outputPath("notebook.png") });

  // Jupyter's command keys: B inserts below, D D deletes, M and Y switch kinds.
  const count = await notebook.cells().count();
  await notebook.select(note);
  await page.keyboard.press("b");
  await expect(notebook.cells()).toHaveCount(count + 1);
  await expect(notebook.cell(1)).toHaveAttribute("data-kind", "sql");
  await expect(notebook.cell(1)).toBeFocused();
  await page.keyboard.press("m");
  await expect(notebook.cell(1)).toHaveAttribute("data-kind", "markdown");
  await page.keyboard.press("y");
  await expect(notebook.cell(1)).toHaveAttribute("data-kind", "sql");
  await page.keyboard.press("d");
  await page.keyboard.press("d");
  await expect(notebook.cells()).toHaveCount(count);
  await notebook.waitUntilSaved();

  // Everything comes back after a reload: the tab, the note, the result, the chart and the view.
  await workbench.reload();
  const again = new NotebookEditorDriver(page, page.getByTestId("notebook-editor"));
  await expect(again.root).toBeVisible();
  await expect(again.root.getByLabel("Notebook title")).toHaveValue("Surprise by cohort");
  await expect(again.cellOfKind("markdown").getByRole("heading", { name: "Labels per cohort" })).toBeVisible();
  await expect(again.cellOfKind("sql").getByTestId("notebook-result").getByRole("row").filter({ hasText: "surprised" }).first()).toBeVisible();
  await expect(again.cellOfKind("chart").locator("svg .chart-bar")).toHaveCount(bars);
  await expect(again.cellOfKind("view").locator('[data-view-kind="projection"]')).toBeVisible();
  await expect(again.cellOfKind("sql")).toHaveAttribute("data-state", "fresh");

  // A label edited elsewhere makes the SQL cell and its chart stale; re-running refreshes them.
  const more = await request.post("/api/labels/bulk", { data: { targets: [{ recordingId: labelled[0]!.id, regionId: null }], emotion: "fearful" } });
  expect(more.status()).toBe(200);
  await workbench.reload();
  await expect(again.cellOfKind("sql")).toHaveAttribute("data-state", "stale");
  await expect(again.cellOfKind("sql").getByTestId("cell-stale")).toContainText("labels changed since the run");
  await expect(again.cellOfKind("chart")).toHaveAttribute("data-state", "stale");
  await expect(again.cellOfKind("view")).toHaveAttribute("data-state", "fresh");
  await again.root.getByRole("button", { name: /Re-run stale cells/ }).click();
  await expect(again.cellOfKind("sql")).toHaveAttribute("data-state", "fresh", { timeout: 30_000 });
  await expect(again.cellOfKind("chart")).toHaveAttribute("data-state", "fresh");
  await expect(again.cellOfKind("sql").getByTestId("notebook-result").getByRole("row").filter({ hasText: "fearful" }).first()).toBeVisible();

  // .ipynb: valid nbformat 4 with the note, the query and its table, the chart and the view as PNG.
  const ipynb = await again.download("Export .ipynb");
  expect(ipynb.name).toBe("Surprise-by-cohort.ipynb");
  const parsed = JSON.parse(ipynb.text) as { nbformat: number; nbformat_minor: number; cells: IpynbCell[]; metadata: Record<string, unknown> };
  expect(parsed.nbformat).toBe(4);
  expect(parsed.nbformat_minor).toBeGreaterThanOrEqual(5);
  expect(parsed.cells.map((cell) => cell.metadata.resonance?.kind)).toEqual(["markdown", "sql", "chart", "view"]);
  expect(parsed.cells[0]!.cell_type).toBe("markdown");
  const code = parsed.cells[1]!;
  expect(code.cell_type).toBe("code");
  expect([code.source].flat().join("")).toBe(PER_COHORT);
  const html = code.outputs?.find((output) => output.data?.["text/html"]);
  expect([html?.data?.["text/html"]].flat().join("")).toContain("fearful");
  for (const cell of parsed.cells.slice(2)) {
    const png = cell.outputs?.find((output) => output.data?.["image/png"])?.data?.["image/png"];
    expect(typeof png, `cell ${cell.metadata.resonance?.kind} has a PNG`).toBe("string");
    expect(Buffer.from(png as string, "base64").subarray(1, 4).toString("ascii")).toBe("PNG");
  }

  // The HTML report: standalone, with the result and no scripts.
  const report = await again.download("Export HTML");
  expect(report.text).toMatch(/^<!DOCTYPE html>/i);
  expect(report.text).toContain("Surprise by cohort");
  expect(report.text).not.toMatch(/<script/i);
});

test("imports an exported notebook back, and moves notebooks to the trash and out again", async ({ page }) => {
  const workbench = new WorkbenchPage(page);
  await workbench.open();
  await workbench.openActivity("Notebooks");
  const notebooks = new NotebooksDriver(page);
  const original = await notebooks.open("Surprise by cohort");
  const exported = await original.download("Export .ipynb");

  await page.getByTestId("notebook-import-input").setInputFiles({ name: "copy-of-surprise.ipynb", mimeType: "application/json", buffer: Buffer.from(exported.text) });
  await expect(page.getByRole("tab", { name: "Surprise by cohort" })).toHaveCount(2);
  const imported = page.getByTestId("notebook-editor").last();
  await expect(imported.locator('[data-testid="notebook-cell"]')).toHaveCount(4);
  await expect(imported.locator('[data-kind="sql"] textarea')).toHaveValue(PER_COHORT);

  // Duplicate, delete, restore.
  await notebooks.view().getByRole("button", { name: "Duplicate Surprise by cohort", exact: true }).first().click();
  await expect(notebooks.item("Surprise by cohort (copy)")).toBeVisible();
  await notebooks.view().getByRole("button", { name: "Delete Surprise by cohort (copy)", exact: true }).click();
  await expect(notebooks.item("Surprise by cohort (copy)")).toHaveCount(0);
  const trash = notebooks.view().getByTestId("notebook-trash-item").filter({ hasText: "Surprise by cohort (copy)" });
  await notebooks.view().getByText(/^Trash \(/).click();
  await trash.getByRole("button", { name: "Restore" }).click();
  await expect(notebooks.item("Surprise by cohort (copy)")).toBeVisible();
});
