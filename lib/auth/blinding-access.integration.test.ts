import { describe, expect, it } from "vitest";
import { serveAgreement, serveAnnotationSet } from "../annotations/serve-annotations";
import { serveCohortComparison } from "../cohorts/serve-cohort-comparison";
import { servePatientTrajectory } from "../cohorts/serve-patient-trajectory";
import { explorerQuerySchema, serveExplorer } from "../corpus/serve-explorer";
import { serveRecording } from "../corpus/serve-recording";
import { serveRecordingMedia } from "../corpus/serve-recording-media";
import { serveSearch } from "../corpus/serve-search";
import { jsonWithStatus, type TwoLabs, twoLabsForThisFile, type User } from "../corpus/testing/two-labs-fixture";
import { setWorkspaceRole } from "../db/account.repository";
import { ensureModelRecord } from "../db/analysis.repository";
import { testDatabaseMode } from "../db/testing/test-database";
import type { RecordingLabelState } from "../domain/label-state";
import { parseSearchParams } from "../http/search-params";
import { serveAnalyses } from "../inference/serve-analyses";
import { serveLabelEdit, serveLabelHistory, serveLabelState } from "../labels/serve-labels";
import { serveProjectionPoints } from "../projection/serve-projections";
import type { RecordingPermissions } from "./blinding";

/**
 * A blinded workspace (Lab A, blindAnnotators on): its annotator (ana) and
 * viewer (ben) see neither the model's outputs nor the labels others gave,
 * through every route that carries them; its reviewer (rita) sees all, and
 * Lab B, not blinded, is untouched.
 */

let labs: TwoLabs;
let projectionId: string;

/** Sets the recording's final label as `who`. */
async function finalLabel(who: User, recordingId: string, emotion: string): Promise<void> {
  const body = { expectedVersion: 0, edit: { kind: "label.set", regionId: null, emotion } };
  await jsonWithStatus(await serveLabelEdit({ database: labs.database, store: labs.store, request: as(who), recordingId, body }), 200);
}

twoLabsForThisFile(async (built) => {
  labs = built;
  await labs.database.prisma.workspace.update({ where: { id: labs.labs.A }, data: { blindAnnotators: true } });
  // The final label rita gives, and an annotation of ana's own.
  await finalLabel("rita", labs.recordings.a1, "sad");
  expect((await serveAnnotationSet(labs.database, as("ana"), { recordingId: labs.recordings.a1, emotion: "happy" })).status).toBe(201);
  // ana also reviews in Lab B, which does not blind: there she sees labels, and b1 is labelled sad too.
  await setWorkspaceRole(labs.database.prisma, labs.labs.B, labs.userIds.ana, "reviewer");
  await finalLabel("cleo", labs.recordings.b1, "sad");
  // a2 as the model alone left it (the columns an analysis writes).
  await labs.database.prisma.recording.update({ where: { id: labs.recordings.a2 }, data: { labelStatus: "predicted", modelEmotion: "angry", modelConfidence: 0.9 } });
  const modelId = await ensureModelRecord(labs.database.prisma, {
    modelKey: "blinding-test",
    version: "1",
    fileHash: "f".repeat(64),
    name: "Blinding test model",
    labelNames: ["sad", "happy"],
    manifestHash: "e".repeat(64),
    manifest: {},
  });
  projectionId = (
    await labs.database.prisma.projection.create({
      data: { name: "Lab A map", level: "recording", modelId, selection: { corpusIds: [labs.corpora.A.id] }, parameters: {} },
      select: { id: true },
    })
  ).id;
});

const as = (who: User | null, url?: string) => labs.request(who, url);
const body = jsonWithStatus;

const blindedAnswer = async (response: Response) => {
  const answer = await body<{ code: string; error: string }>(response, 403);
  expect(answer.code).toBe("BLINDED");
  expect(answer.error).toMatch(/blinded/);
};

const explorer = (text: string) => {
  const parsed = parseSearchParams(explorerQuerySchema, new URLSearchParams(text));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};

describe(`blinded annotators ${testDatabaseMode()}`, () => {
  it("tells the editor who is blinded and what their keys do", async () => {
    const permissions = async (who: User, recordingId = labs.recordings.a1) =>
      (await body<{ permissions: RecordingPermissions }>(await serveRecording(labs.database, as(who), recordingId), 200)).permissions;
    expect(await permissions("ana")).toEqual({ label: false, annotate: true, review: false, analyse: false, blinded: true });
    expect(await permissions("ben")).toEqual({ label: false, annotate: false, review: false, analyse: false, blinded: true });
    expect(await permissions("rita")).toEqual({ label: true, annotate: true, review: true, analyse: true, blinded: false });
    expect(await permissions("cleo", labs.recordings.b1)).toEqual({ label: true, annotate: true, review: true, analyse: true, blinded: false });
  });

  it("withholds the model's analyses and curves from annotators and viewers, not from the reviewer", async () => {
    const analyses = (who: User) => serveRecordingMedia(as(who), labs.recordings.a1, (media) => serveAnalyses(labs.database, media.id), { modelOutput: true });
    await blindedAnswer(await analyses("ana"));
    await blindedAnswer(await analyses("ben"));
    expect((await body<{ analyses: unknown[] }>(await analyses("rita"), 200)).analyses).toEqual([]);
    // Audio and other media stay open to the blinded.
    const media = await serveRecordingMedia(as("ana"), labs.recordings.a1, async (found) => Response.json({ id: found.id }));
    expect(media.status).toBe(200);
  });

  it("shows a blinded annotator the recording's regions but not its labels, nor their history", async () => {
    const state = await body<RecordingLabelState>(await serveLabelState(labs.database, as("ana"), labs.recordings.a1), 200);
    expect(state.recordingLabel).toBeNull();
    expect(state.undoTitle).toBeNull();
    expect(JSON.stringify(state)).not.toContain("sad");
    const reviewer = await body<RecordingLabelState>(await serveLabelState(labs.database, as("rita"), labs.recordings.a1), 200);
    expect(reviewer.recordingLabel?.emotion).toBe("sad");
    await blindedAnswer(await serveLabelHistory(labs.database, as("ana"), labs.recordings.a1, new URLSearchParams()));
    await body(await serveLabelHistory(labs.database, as("rita"), labs.recordings.a1, new URLSearchParams()), 200);
  });

  it("drops labels from the explorer and search, and refuses filters by the model", async () => {
    type Row = { name: string; humanEmotion: string | null; modelEmotion: string | null; labelStatus: string };
    const rows = async (who: User) => (await body<{ children: Row[] }>(await serveExplorer(labs.database, as(who), explorer(`corpus=${labs.corpora.A.id}&flat=1`)), 200)).children;
    const [annotatorView, reviewerView] = [await rows("ana"), await rows("rita")];
    expect(annotatorView.find((row) => row.name === "shared-a1.wav")?.humanEmotion).toBeNull();
    expect(reviewerView.find((row) => row.name === "shared-a1.wav")?.humanEmotion).toBe("sad");
    // "Model only" would say the model has spoken.
    expect(annotatorView.find((row) => row.name === "shared-a2.wav")).toMatchObject({ modelEmotion: null, labelStatus: "unlabelled" });
    expect(reviewerView.find((row) => row.name === "shared-a2.wav")).toMatchObject({ modelEmotion: "angry", labelStatus: "predicted" });
    const groups = async (who: User) =>
      (await body<{ children: { statusCounts: Record<string, number> }[] }>(await serveExplorer(labs.database, as(who), explorer(`corpus=${labs.corpora.A.id}`)), 200)).children;
    expect((await groups("ana")).every((group) => group.statusCounts.predicted === 0)).toBe(true);
    expect((await groups("rita")).some((group) => group.statusCounts.predicted === 1)).toBe(true);
    await blindedAnswer(await serveExplorer(labs.database, as("ana"), explorer(`corpus=${labs.corpora.A.id}&filter=disagree`)));

    const hits = async (who: User) => (await body<{ hits: { name: string }[] }>(await serveSearch(labs.database, as(who), new URLSearchParams({ q: "sad" })), 200)).hits;
    expect((await hits("rita")).map((hit) => hit.name)).toEqual(["shared-a1.wav"]);
    // ana is blinded in Lab A only: she finds Lab B's recording by its label, not Lab A's.
    expect((await hits("ana")).map((hit) => hit.name)).toEqual(["shared-b1.wav"]);
    expect(await hits("ben")).toEqual([]);
    // Other fields are still found.
    const byName = await body<{ hits: unknown[] }>(await serveSearch(labs.database, as("ana"), new URLSearchParams({ q: "shared-a1" })), 200);
    expect(byName.hits).toHaveLength(1);
  });

  it("refuses projections' points, comparisons, trajectories and agreement to the blinded", async () => {
    await blindedAnswer(await serveProjectionPoints(labs.database, as("ana"), projectionId));
    expect((await serveProjectionPoints(labs.database, as("rita"), projectionId)).status).not.toBe(403);
    const trajectory = (who: User) =>
      servePatientTrajectory({ database: labs.database, store: labs.store, request: as(who), patientId: labs.patients.PA1, params: new URLSearchParams() });
    await blindedAnswer(await trajectory("ben"));
    await body(await trajectory("rita"), 200);
    const second = await labs.database.prisma.cohort.create({ data: { corpusId: labs.corpora.A.id, name: "CA controls" }, select: { id: true } });
    const compare = (who: User) =>
      serveCohortComparison({ database: labs.database, store: labs.store, request: as(who), body: { cohortIds: [labs.cohorts.CA, second.id], permutations: 10, seed: 1 } });
    await blindedAnswer(await compare("ana"));
    expect((await compare("rita")).status).not.toBe(403);
    const agreement = (who: User) => serveAgreement(labs.database, as(who, `http://127.0.0.1:3000/api/agreement?corpus=${labs.corpora.A.id}`));
    await blindedAnswer(await agreement("ana"));
    await body(await agreement("rita"), 200);
  });

  it("leaves a workspace without blinding as it was", async () => {
    const state = await body<RecordingLabelState>(await serveLabelState(labs.database, as("cleo"), labs.recordings.b1), 200);
    expect(state.recordingId).toBe(labs.recordings.b1);
    const analyses = await serveRecordingMedia(as("cleo"), labs.recordings.b1, (media) => serveAnalyses(labs.database, media.id), { modelOutput: true });
    expect(analyses.status).toBe(200);
  });
});
