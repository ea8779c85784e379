import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "../auth/authorize";
import { hashPassword } from "../auth/password-hash";
import { serveLogin } from "../auth/serve-auth";
import { createAccount, createWorkspace, setWorkspaceRole } from "../db/account.repository";
import { listAuditEvents } from "../db/audit.repository";
import { createTestDatabase, type TestDatabase, testDatabaseMode } from "../db/testing/test-database";
import { runNotebookQuery } from "../notebooks/run-notebook-query";
import { serveAgreement, serveAnnotationList, serveAnnotationSet, serveAssignmentCreate, serveMyAssignments, serveReview } from "./serve-annotations";

/**
 * A lab labelling one corpus together (ACCOUNTS=on): the lead assigns with
 * an overlap, annotators label blind to each other, a reviewer adjudicates,
 * and agreement is computed over the overlap.
 */

let database: TestDatabase;
const previousAccounts = process.env.ACCOUNTS;
const PASSWORD = "team labelling passphrase";
const cookie = {} as Record<"lead" | "ann1" | "ann2" | "rev" | "view" | "outsider", string>;
const recordingIds: string[] = [];
let corpusId: string;

beforeAll(async () => {
  process.env.ACCOUNTS = "on";
  database = await createTestDatabase();
  const { prisma } = database;
  const hash = await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 });
  const lab = await createWorkspace(prisma, "Mood lab");
  const other = await createWorkspace(prisma, "Other lab");
  const roles = { lead: "admin", ann1: "annotator", ann2: "annotator", rev: "reviewer", view: "viewer" } as const;
  for (const username of ["lead", "ann1", "ann2", "rev", "view", "outsider"] as const) {
    const account = await createAccount(prisma, { username, displayName: username, passwordHash: hash, isAdmin: false });
    if (username === "outsider") await setWorkspaceRole(prisma, other.id, account.id, "admin");
    else await setWorkspaceRole(prisma, lab.id, account.id, roles[username]);
    const response = await serveLogin(database, new Request("http://127.0.0.1/api/auth/login", { headers: { [CLIENT_ADDRESS_HEADER]: "10.2.0.1" } }), { username, password: PASSWORD });
    cookie[username] = response.headers.get("set-cookie")!.split(";")[0]!;
  }
  const corpus = await prisma.corpus.create({ data: { name: "Sessions", workspaceId: lab.id } });
  corpusId = corpus.id;
  for (let index = 0; index < 10; index++) {
    const recording = await prisma.recording.create({
      data: { corpusId, contentHash: `c${index}`, originalName: `s${index}.wav`, format: "wav", durationSeconds: 5, sampleRate: 16000, channels: 1, sizeBytes: 160_044n },
    });
    recordingIds.push(recording.id);
  }
});

afterAll(async () => {
  if (previousAccounts === undefined) delete process.env.ACCOUNTS;
  else process.env.ACCOUNTS = previousAccounts;
  await database?.destroy();
});

const as = (who: keyof typeof cookie, url = "http://127.0.0.1/api/annotations") => new Request(url, { headers: { cookie: cookie[who], [CLIENT_ADDRESS_HEADER]: "10.2.0.9" } });

async function answer<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

describe(`annotating as a team on ${testDatabaseMode()}`, () => {
  it("assigns every recording with half of them to both annotators; only a workspace admin may", async () => {
    const body = { corpusId, annotators: ["ann1", "ann2"], overlapShare: 0.5, seed: 3 };
    await answer(await serveAssignmentCreate(database, as("rev"), body), 403);
    await answer(await serveAssignmentCreate(database, as("outsider"), body), 404);
    expect(await answer(await serveAssignmentCreate(database, as("lead"), body), 201)).toEqual({ planned: 15, added: 15 });
    const mine1 = await answer<{ recordingIds: string[] }>(await serveMyAssignments(database, as("ann1")), 200);
    const mine2 = await answer<{ recordingIds: string[] }>(await serveMyAssignments(database, as("ann2")), 200);
    expect(mine1.recordingIds.length + mine2.recordingIds.length).toBe(15);
    expect(mine1.recordingIds.filter((id) => mine2.recordingIds.includes(id))).toHaveLength(5);
    const refused = await answer<{ error: string }>(await serveAssignmentCreate(database, as("lead"), { ...body, annotators: ["ann1", "view"] }), 400);
    expect(refused.error).toContain("view may not annotate in this workspace");
  });

  it("lets annotators label, not viewers or other workspaces", async () => {
    const [first] = recordingIds;
    await answer(await serveAnnotationSet(database, as("ann1"), { recordingId: first, emotion: "sad" }), 201);
    await answer(await serveAnnotationSet(database, as("ann2"), { recordingId: first, emotion: "sad" }), 201);
    const viewer = await answer<{ error: string }>(await serveAnnotationSet(database, as("view"), { recordingId: first, emotion: "sad" }), 403);
    expect(viewer.error).toBe("Your role (viewer) in this workspace does not allow you to annotate.");
    await answer(await serveAnnotationSet(database, as("outsider"), { recordingId: first, emotion: "sad" }), 404);
    await answer(await serveAnnotationSet(database, as("ann1"), { recordingId: first, emotion: "sleepy" }), 400);
  });

  it("keeps annotators blind to each other in a blinded workspace, not reviewers", async () => {
    await database.prisma.workspace.updateMany({ where: { name: "Mood lab" }, data: { blindAnnotators: true } });
    const url = `http://127.0.0.1/api/annotations?recording=${recordingIds[0]}`;
    const own = await answer<{ annotations: { annotator: string }[]; blinded: boolean }>(await serveAnnotationList(database, as("ann1", url)), 200);
    expect(own).toMatchObject({ blinded: true });
    expect(own.annotations.map((annotation) => annotation.annotator)).toEqual(["ann1"]);
    const all = await answer<{ annotations: { annotator: string }[] }>(await serveAnnotationList(database, as("rev", url)), 200);
    expect(all.annotations.map((annotation) => annotation.annotator)).toEqual(["ann1", "ann2"]);
  });

  it("measures agreement over the overlap: identical labels on 4 recordings, one disagreement", async () => {
    const labels: [string, string][] = [["happy", "happy"], ["angry", "angry"], ["neutral", "neutral"], ["fearful", "sad"]];
    for (const [index, [a, b]] of labels.entries()) {
      await answer(await serveAnnotationSet(database, as("ann1"), { recordingId: recordingIds[index + 1], emotion: a }), 201);
      await answer(await serveAnnotationSet(database, as("ann2"), { recordingId: recordingIds[index + 1], emotion: b }), 201);
    }
    const result = await answer<{ summary: { pairwise: { kappa: number; n: number }[]; alpha: { alpha: number } }; confusion: { n: number }[]; annotators: Record<string, string> }>(
      await serveAgreement(database, as("rev", `http://127.0.0.1/api/agreement?corpus=${corpusId}`)),
      200,
    );
    // The workspace is blinded: a viewer does not see how the annotators labelled.
    expect((await serveAgreement(database, as("view", `http://127.0.0.1/api/agreement?corpus=${corpusId}`))).status).toBe(403);
    // 5 items (sad/sad, happy, angry, neutral, fearful-vs-sad): po = 4/5; marginals A: sad 1, happy 1, angry 1, neutral 1, fearful 1; B: sad 2, happy 1, angry 1, neutral 1.
    // pe = (1·2 + 1 + 1 + 1 + 0) / 25 = 5/25 = 0.2; kappa = (0.8 − 0.2) / 0.8 = 0.75.
    expect(result.summary.pairwise).toHaveLength(1);
    expect(result.summary.pairwise[0]!.n).toBe(5);
    expect(result.summary.pairwise[0]!.kappa).toBeCloseTo(0.75, 12);
    expect(result.confusion[0]!.n).toBe(5);
    expect(Object.values(result.annotators).sort()).toEqual(["ann1", "ann2"]);
    await answer(await serveAgreement(database, as("outsider", `http://127.0.0.1/api/agreement?corpus=${corpusId}`)), 404);
  });

  it("lets a reviewer set the final label by accepting an annotation; annotators may not", async () => {
    const url = `http://127.0.0.1/api/annotations?recording=${recordingIds[4]}`;
    const { annotations } = await answer<{ annotations: { id: string; annotator: string; emotion: string }[] }>(await serveAnnotationList(database, as("rev", url)), 200);
    const ann2 = annotations.find((annotation) => annotation.annotator === "ann2")!;
    await answer(await serveReview(database, as("ann1"), { recordingId: recordingIds[4], acceptAnnotationId: ann2.id }), 403);
    expect(await answer(await serveReview(database, as("rev"), { recordingId: recordingIds[4], acceptAnnotationId: ann2.id }), 200)).toEqual({
      final: { recordingId: recordingIds[4], regionId: null, emotion: "sad" },
    });
    const finalLabel = await database.prisma.label.findFirstOrThrow({ where: { recordingId: recordingIds[4], regionId: null, supersededById: null }, select: { emotion: true, author: { select: { username: true } } } });
    expect(finalLabel).toEqual({ emotion: "sad", author: { username: "rev" } });
    const audit = await listAuditEvents(database.prisma, { action: "review.accept", limit: 5 });
    expect(audit[0]).toMatchObject({ actorName: "rev", targetId: recordingIds[4], details: { emotion: "sad", annotation: ann2.id } });
    expect((await listAuditEvents(database.prisma, { action: "annotation.set", limit: 100 })).length).toBe(10);
  });

  it("shows the annotations to notebook SQL, apart from the final labels", async () => {
    const result = await runNotebookQuery(database, "SELECT annotator_username, count(*)::int AS n, bool_and(region_id IS NULL) AS whole FROM annotations GROUP BY 1 ORDER BY 1", { workspaces: "all" });
    expect(result.rows).toEqual([
      ["ann1", 5, true],
      ["ann2", 5, true],
    ]);
  });
});
