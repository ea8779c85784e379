import path from "node:path";
import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { TEAM_PASSWORD, TEAM_SERVER_URL, type TeamMember } from "./driver/team-server";
import { WorkbenchApi } from "./driver/workbench-api";
import { WorkbenchPage } from "./driver/workbench-page";

// The ACCOUNTS=on server (e2e/driver/serve-team.ts): lead (admin), rita (reviewer), ana (annotator) and
// vic (viewer) in the Default workspace, which blinds its annotators and viewers.
test.use({ baseURL: TEAM_SERVER_URL });

const CORPUS = "Team study";
const FILE = "tone-f32-16k.wav";
const JOB_TIMEOUT = 180_000;

let lead: APIRequestContext;
let recordingId: string;

async function apiAs(playwright: { request: { newContext(options: { baseURL: string }): Promise<APIRequestContext> } }, who: TeamMember): Promise<APIRequestContext> {
  const context = await playwright.request.newContext({ baseURL: TEAM_SERVER_URL });
  const login = await context.post("/api/auth/login", { data: { username: who, password: TEAM_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  return context;
}

/** Logs in through the login page, as a researcher does, and waits for the workbench. */
async function logIn(browser: Browser, who: TeamMember): Promise<{ page: Page; workbench: WorkbenchPage }> {
  const page = await browser.newPage({ baseURL: TEAM_SERVER_URL });
  await page.goto("/");
  // Nobody is logged in: the workbench sends the browser to the login page.
  await expect(page).toHaveURL(/\/login/);
  const form = page.getByRole("form", { name: "Log in" });
  await form.getByLabel("Username").fill(who);
  await form.getByLabel("Password").fill(TEAM_PASSWORD);
  await form.getByRole("button", { name: "Log in" }).click();
  const workbench = new WorkbenchPage(page);
  await expect(workbench.activityBar).toBeVisible({ timeout: 30_000 });
  return { page, workbench };
}

async function openTheRecording(workbench: WorkbenchPage) {
  await workbench.quickInput().openRecording("tone-f32-16k", FILE);
  const editor = workbench.editor();
  await editor.waitUntilReady();
  return editor;
}

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(JOB_TIMEOUT * 2 + 60_000);
  lead = await apiAs(playwright, "lead");
  const imported = await lead.post("/api/imports", {
    data: { corpusName: CORPUS, source: { kind: "path", path: path.resolve("datasets/fixtures/audio", FILE) } },
  });
  expect(imported.status(), await imported.text()).toBe(202);
  const api = new WorkbenchApi(lead);
  await api.waitForIdleJobs(["import"], JOB_TIMEOUT);
  const analysed = await lead.post("/api/analyses", { data: { modelId: "testing-full-outputs", selection: { corpusName: CORPUS } } });
  expect(analysed.status(), await analysed.text()).toBe(202);
  await api.waitForIdleJobs(["import", "analyse"], JOB_TIMEOUT);
  recordingId = await api.recordingId(CORPUS, FILE);
});

/** The explorer's "Assigned to me" filter, as the researcher picks it. */
async function showAssigned(page: Page, workbench: WorkbenchPage) {
  await workbench.explorer().show();
  await page.getByTestId("explorer-filter").selectOption("assigned");
}

test.afterAll(async () => {
  await lead?.dispose();
});

// The specs below follow on from each other, in this order (one worker, fullyParallel off).
test("the lead assigns the corpus's recordings to an annotator from the agreement tab", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, workbench } = await logIn(browser, "lead");
  await workbench.quickInput().runCommand("annotator agreement", "Annotation: Show Annotator Agreement");
  const editor = page.getByTestId("agreement-editor");
  await editor.getByLabel("Corpus").selectOption({ label: CORPUS });
  const form = editor.getByRole("form", { name: "Assign recordings" });
  await form.getByLabel("Assign to").fill("nobody-here, ana");
  await form.getByLabel("Overlap share").fill("0");
  await form.getByRole("button", { name: "Assign" }).click();
  // An unknown account is named, and nothing is assigned.
  await expect(form.getByRole("alert")).toContainText('No account "nobody-here"');
  await form.getByLabel("Assign to").fill("ana");
  await form.getByRole("button", { name: "Assign" }).click();
  await expect(form.getByTestId("assignment-result")).toContainText("1 new assignment (1 planned");
  await page.close();
});

test("an annotator's keys save their own annotation, blind to the model and to others", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, workbench } = await logIn(browser, "ana");
  await showAssigned(page, workbench);
  expect(await workbench.explorer().recordingNames(CORPUS)).toEqual([FILE]);
  const editor = await openTheRecording(workbench);
  const labelling = editor.labelling();
  await expect(labelling.root.getByTestId("label-mode")).toHaveAttribute("data-mode", "annotation");
  await expect(labelling.root.getByTestId("label-mode")).toContainText("Blinded");
  // The model's curves are withheld, and say why.
  await expect(editor.root.getByTestId("curves-lane")).toHaveCount(0);
  await expect(editor.root.getByText(/This workspace is blinded/).first()).toBeVisible();
  // Annotators do not run analyses.
  await expect(editor.root.getByRole("button", { name: /^Analyse/ })).toHaveCount(0);

  await labelling.labelWithKey("happy");
  await expect(labelling.message()).toContainText("Your annotation of the recording: happy.");
  const panel = labelling.root.getByTestId("annotations-panel");
  await expect(panel.locator('[data-testid="annotation-row"][data-annotator="ana"]')).toHaveAttribute("data-emotion", "happy");
  await expect(panel.getByRole("button", { name: /Accept/ })).toHaveCount(0);
  // Nothing became the final label.
  await expect(labelling.recordingLabel()).toContainText("no label");
  const asLead = (await (await lead.get(`/api/recordings/${recordingId}/labels`)).json()) as { recordingLabel: { emotion: string } | null };
  expect(asLead.recordingLabel?.emotion ?? null).not.toBe("happy");
  await page.screenshot({ path: test.info().outputPath("annotator-blinded.png") });
  await page.close();
});

test("a viewer's keys change nothing", async ({ browser, playwright }) => {
  test.setTimeout(120_000);
  const { page, workbench } = await logIn(browser, "vic");
  // Nothing is assigned to a viewer.
  await showAssigned(page, workbench);
  await expect(workbench.explorer().row(CORPUS, "corpus")).toHaveCount(0);
  const editor = await openTheRecording(workbench);
  const labelling = editor.labelling();
  await expect(labelling.root.getByTestId("label-mode")).toHaveAttribute("data-mode", "read-only");
  await page.keyboard.press("1");
  await expect(labelling.message()).toContainText("look and listen, not label");
  const rita = await apiAs(playwright, "rita");
  const listed = (await (await rita.get(`/api/annotations?recording=${recordingId}`)).json()) as { annotations: { annotator: string }[] };
  expect(listed.annotations.map((annotation) => annotation.annotator)).toEqual(["ana"]);
  await rita.dispose();
  await page.close();
});

test("the reviewer sees the model and the annotations, and accepts one as the final label", async ({ browser, playwright }) => {
  test.setTimeout(120_000);
  const { page, workbench } = await logIn(browser, "rita");
  const editor = await openTheRecording(workbench);
  const labelling = editor.labelling();
  await expect(labelling.root.getByTestId("label-mode")).toHaveCount(0);
  await expect(editor.root.getByTestId("curves-lane")).toBeVisible();
  await expect(editor.root.getByRole("button", { name: /^Analyse/ })).toBeVisible();
  const row = labelling.root.locator('[data-testid="annotation-row"][data-annotator="ana"]');
  await expect(row).toHaveAttribute("data-emotion", "happy");
  await row.getByRole("button", { name: "Accept ana's label" }).click();
  await expect(labelling.recordingLabel()).toContainText("happy");
  await page.screenshot({ path: test.info().outputPath("reviewer-accepts.png") });
  await page.close();

  // The annotator still does not see the final label.
  const ana = await apiAs(playwright, "ana");
  const state = (await (await ana.get(`/api/recordings/${recordingId}/labels`)).json()) as { recordingLabel: unknown };
  expect(state.recordingLabel).toBeNull();
  await ana.dispose();
});

test("the audit log shows a site administrator who annotated, reviewed and logged in, and is refused to others", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, workbench } = await logIn(browser, "root");
  await workbench.quickInput().runCommand("audit log", "Administration: Show Audit Log");
  const log = page.getByTestId("audit-log");
  await expect(log.locator('[data-testid="audit-row"][data-action="annotation.set"]').filter({ hasText: "ana" }).first()).toBeVisible();
  await expect(log.locator('[data-testid="audit-row"][data-action="review.accept"]').filter({ hasText: "rita" }).first()).toBeVisible();
  // Filtered to one account's logins.
  await log.getByLabel("Account").fill("vic");
  await log.getByLabel("Action").selectOption("login");
  await log.getByRole("button", { name: "Apply" }).click();
  await expect(log.getByTestId("audit-row")).toHaveCount(1);
  await expect(log.getByTestId("audit-row")).toContainText("vic");
  await page.screenshot({ path: test.info().outputPath("audit-log.png") });
  await page.close();

  const annotator = await logIn(browser, "ana");
  await annotator.workbench.quickInput().runCommand("audit log", "Administration: Show Audit Log");
  await expect(annotator.page.getByTestId("audit-log").getByRole("alert")).toContainText(/site administrator/i);
  await annotator.page.close();
});

test("a workspace admin changes and removes members, but cannot leave the workspace without an admin", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, workbench } = await logIn(browser, "lead");
  await workbench.quickInput().runCommand("manage workspaces", "Administration: Manage Workspaces");
  const section = page.getByTestId("workspaces-editor").getByRole("region", { name: "Workspace Default" });
  const vic = section.locator('[data-testid="member-row"][data-username="vic"]');
  await expect(vic).toHaveAttribute("data-role", "viewer");
  await vic.getByLabel("Role of vic").selectOption("annotator");
  await expect(vic).toHaveAttribute("data-role", "annotator");
  // The only admin cannot step down.
  await section.locator('[data-testid="member-row"][data-username="lead"]').getByLabel("Role of lead").selectOption("reviewer");
  await expect(section.getByRole("alert")).toContainText("last admin");
  await expect(section.locator('[data-testid="member-row"][data-username="lead"]')).toHaveAttribute("data-role", "admin");
  await vic.getByRole("button", { name: "Remove" }).click();
  await expect(vic).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("workspaces.png") });
  await page.close();
});
