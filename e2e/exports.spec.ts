import { expect, test } from "@playwright/test";
import { DEMO_CORPUS, DEMO_READY_TIMEOUT, DEMO_SERVER_URL, waitForDemo } from "./driver/demo-server";
import { ExportsDriver } from "./driver/exports";
import { WorkbenchPage } from "./driver/workbench-page";

// The demo server: 90 recordings of 10 patients analysed with the default model.
test.use({ baseURL: DEMO_SERVER_URL });
test.describe.configure({ mode: "serial" });

const JOB_TIMEOUT = 180_000;

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(DEMO_READY_TIMEOUT + 60_000);
  await waitForDemo(playwright.request);
});

test("exports the demo from the Exports view and pulls the snapshot with an API token", async ({ page }) => {
  test.setTimeout(2 * JOB_TIMEOUT);
  const workbench = new WorkbenchPage(page);
  await workbench.open();
  await workbench.openActivity("Exports");
  const exports = new ExportsDriver(page);
  await exports.start({ corpus: DEMO_CORPUS, name: "Demo clips", policy: "human-over-model", formats: ["Praat TextGrid", "fairseq / emotion2vec manifest (.tsv + .emo)"] });
  const entry = exports.entry("Demo clips");
  await expect(entry).toHaveAttribute("data-status", "succeeded", { timeout: JOB_TIMEOUT });
  await entry.getByRole("button").first().click();
  await expect(entry).toContainText("train");
  await expect(entry).toContainText("/api/exports/");

  // The saved definition runs again into a second snapshot with the same manifest hash (unchanged data).
  await entry.getByTestId("export-run-again").click();
  await expect(exports.view().getByTestId("export-item").filter({ hasText: "Demo clips" })).toHaveCount(2);
  await expect(exports.view().getByTestId("export-item").filter({ hasText: "Demo clips" }).first()).toHaveAttribute("data-status", "succeeded", { timeout: JOB_TIMEOUT });

  // The pull API: nothing without a token, the snapshot with one, resumable.
  const anonymous = await page.request.get("/api/exports");
  expect(anonymous.status()).toBe(401);
  const created = await page.request.post("/api/tokens", { data: { name: "e2e pipeline" } });
  expect(created.status()).toBe(201);
  const { secret } = (await created.json()) as { secret: string };
  const headers = { Authorization: `Bearer ${secret}` };
  const listed = (await (await page.request.get("/api/exports", { headers })).json()) as { exports: { id: string; name: string; manifestHash: string }[] };
  const snapshots = listed.exports.filter((candidate) => candidate.name === "Demo clips");
  expect(snapshots).toHaveLength(2);
  expect(snapshots[0]!.manifestHash).toBe(snapshots[1]!.manifestHash);
  const snapshot = snapshots[1]!;
  const detail = (await (await page.request.get(`/api/exports/${snapshot.id}`, { headers })).json()) as { export: { files: { path: string; sha256: string }[] } };
  expect(detail.export.files.map((file) => file.path)).toEqual(expect.arrayContaining(["README.md", "manifest.jsonl", "fairseq/train.tsv", "manifest.json"]));
  const whole = await page.request.get(`/api/exports/${snapshot.id}/archive`, { headers });
  expect(whole.status()).toBe(200);
  const bytes = await whole.body();
  expect(bytes.subarray(0, 4).toString("hex")).toBe("504b0304");
  const tail = await page.request.get(`/api/exports/${snapshot.id}/archive`, { headers: { ...headers, Range: `bytes=${bytes.length - 100}-` } });
  expect(tail.status()).toBe(206);
  expect((await tail.body()).equals(bytes.subarray(bytes.length - 100))).toBe(true);

  expect(whole.headers()["content-length"]).toBe(String(bytes.length));

  // Revoked, the token stops working.
  const tokens = (await (await page.request.get("/api/tokens")).json()) as { tokens: { id: string; name: string }[] };
  const token = tokens.tokens.find((candidate) => candidate.name === "e2e pipeline")!;
  expect((await page.request.delete(`/api/tokens/${token.id}`)).status()).toBe(200);
  expect((await page.request.get(`/api/exports/${snapshot.id}/archive`, { headers })).status()).toBe(401);
});
