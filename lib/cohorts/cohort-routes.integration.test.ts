import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseMode } from "../db/testing/test-database";
import { CANONICAL_INDEX, CANONICAL_LABELS, type CanonicalLabel } from "../domain/emotion-labels";
import { mannWhitneyU } from "../domain/statistics/mann-whitney";
import type { CohortComparisonJson } from "./cohort-comparison-service";
import type { PatientTrajectoryJson } from "./patient-trajectory-service";
import { serveCohortComparison } from "./serve-cohort-comparison";
import { type CohortDetailJson, type CohortListJson, type CohortWriteJson, serveCohortAddPatients, serveCohortCreate, serveCohortDelete, serveCohortDetail, serveCohortList } from "./serve-cohorts";
import { servePatientTrajectory } from "./serve-patient-trajectory";
import { buildCohortStudy, type CohortStudy } from "./testing/cohort-study-fixture";

/**
 * The cohort routes' logic as the route handlers call it, against a real
 * database and store, on the fixture's hand-made study: the comparison's
 * numbers are checked against values worked out by hand from the fixture.
 */

let study: CohortStudy;
// ACCOUNTS is off here: the local researcher asks.
const local = new Request("http://127.0.0.1:3000/api/cohorts");

beforeAll(async () => {
  study = await buildCohortStudy(await createTestDatabase());
});

afterAll(async () => {
  study?.destroy();
  await study?.database.destroy();
});

async function body<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return JSON.parse(text) as T;
}

const compare = (request: Record<string, unknown>) => serveCohortComparison({ database: study.database, store: study.store, request: local, body: request });
const mix = (shares: Partial<Record<CanonicalLabel, number>>) => CANONICAL_LABELS.map((label) => shares[label] ?? 0);
const pairTest = (result: CohortComparisonJson, label: CanonicalLabel) => result.comparison.pairs[0]!.emotions.find((test) => test.label === label)!;

describe(`POST /api/cohorts/compare on ${testDatabaseMode()}`, () => {
  let patientLevel: CohortComparisonJson;
  let recordingLevel: CohortComparisonJson;

  beforeAll(async () => {
    const cohortIds = [study.cohorts.Depressed, study.cohorts.Controls];
    patientLevel = await body<CohortComparisonJson>(await compare({ cohortIds, permutations: 500, seed: 11 }), 200);
    recordingLevel = await body<CohortComparisonJson>(await compare({ cohortIds, level: "recording", permutations: 500, seed: 11 }), 200);
  });

  it("uses the model with the most analyses and says which rule gave each recording its mix", () => {
    expect(patientLevel.model?.id).toBe(study.models.m1);
    expect(patientLevel.models.map((model) => model.recordings)).toEqual([7, 1]);
    // regions: d1a; whole labels: d1b, d1c, c1a, c1b, c3a; frames: d2a, c2a; utterance: d3a.
    expect(patientLevel.bases).toEqual({ regions: 1, "recording-label": 5, frames: 2, utterance: 1 });
    expect(patientLevel.missingFrameFiles).toBe(0);
  });

  it("averages per patient first: the per-cohort means match the hand-computed patient means", () => {
    const [depressed, controls] = patientLevel.comparison.cohorts;
    expect([depressed!.units, depressed!.recordings, depressed!.patients, depressed!.withoutData]).toEqual([3, 5, 3, 1]);
    expect([controls!.units, controls!.recordings, controls!.patients, controls!.withoutData]).toEqual([3, 4, 3, 0]);
    // D1 = mean(sad ¾ happy ¼; sad; angry) = sad 7/12, happy 1/12, angry 1/3; D2 = sad ½ neutral ½; D3 = sad.
    const d1 = mix({ sad: 7 / 12, happy: 1 / 12, angry: 1 / 3 });
    const d2 = mix({ sad: 0.5, neutral: 0.5 });
    const d3 = mix({ sad: 1 });
    CANONICAL_LABELS.forEach((label, k) => expect(depressed!.meanProportions[k]!, label).toBeCloseTo((d1[k]! + d2[k]! + d3[k]!) / 3, 10));
    // C1 = happy ½ neutral ½; C2 = happy (frames); C3 = neutral (the human label beats the model's angry).
    expect(controls!.meanProportions[CANONICAL_INDEX.happy]).toBeCloseTo(0.5, 10);
    expect(controls!.meanProportions[CANONICAL_INDEX.neutral]).toBeCloseTo(0.5, 10);
    expect(controls!.meanProportions[CANONICAL_INDEX.angry]).toBe(0);
    expect(depressed!.unitSources).toEqual({ human: 1, model: 2, mixed: 0 });
    expect(depressed!.recordingSources).toEqual({ human: 3, model: 2 });
  });

  it("tests the per-patient shares: sad is U = 9 of 9 with delta 1", () => {
    const sad = pairTest(patientLevel, "sad");
    expect(sad.u).toBe(9);
    expect(sad.delta).toBe(1);
    expect(sad.p).toBe(mannWhitneyU([7 / 12, 0.5, 1], [0, 0, 0]).p);
    expect(sad.pAdjusted).toBeGreaterThanOrEqual(sad.p);
  });

  it("gives a different n per recording, and recording-level tests on the recordings' own shares", () => {
    expect(recordingLevel.comparison.cohorts.map((cohort) => cohort.units)).toEqual([5, 4]);
    const sad = pairTest(recordingLevel, "sad");
    // d1a ¾, d1b 1, d1c 0, d2a ½, d3a 1 against four zeros.
    expect(sad.p).toBe(mannWhitneyU([0.75, 1, 0, 0.5, 1], [0, 0, 0, 0]).p);
    expect(sad.u).toBe(16 + 0.5 * 4);
    expect(recordingLevel.comparison.warnings.map((warning) => warning.code)).toContain("RECORDINGS_NOT_INDEPENDENT");
  });

  it("counts patients by dominant emotion in the chi-square table", () => {
    const chi = patientLevel.comparison.chiSquare!;
    // D1 sad, D2 ties sad/neutral → neutral, D3 sad; C1 ties happy/neutral → happy, C2 happy, C3 neutral.
    expect(chi.table).toEqual([mix({ neutral: 1, sad: 2 }), mix({ happy: 2, neutral: 1 })]);
    expect(chi.keptLabels).toEqual(["happy", "neutral", "sad"]);
    expect(chi.dof).toBe(2);
    // Expected [1, 1, 1] in both rows: X² = (1 + 0 + 1) + (1 + 0 + 1).
    expect(chi.statistic).toBeCloseTo(4, 10);
  });

  it("measures the centroid distance of the patients' mean embeddings", () => {
    // Depressed: D1 (3,0,0,0) (d1c has none), D2 (1,1,0,0), D3 (1,0,1,0); Controls: C1 (0,2,0,0), C2 (0,1,0,1), C3 (0,3,0,0).
    const euclidean = patientLevel.comparison.pairs[0]!.centroid.find((test) => test.metric === "euclidean")!;
    expect(euclidean.observed).toBeCloseTo(Math.sqrt(52 / 9), 6);
    expect(euclidean.sizes).toEqual([3, 3]);
    expect(euclidean.permutations).toBe(500);
    expect(euclidean.p).toBeGreaterThan(0);
  });

  it("picks another model on request and refuses an unknown one", async () => {
    const m2 = await body<CohortComparisonJson>(await compare({ cohortIds: [study.cohorts.Depressed, study.cohorts.Controls], modelId: study.models.m2, permutations: 10 }), 200);
    expect(m2.model?.recordings).toBe(1);
    // Only d2a has an M2 analysis (top happy, utterance only); the rest are human-labelled or left out.
    expect(m2.bases).toEqual({ regions: 1, "recording-label": 5, frames: 0, utterance: 1 });
    const missing = await body<{ error: string; code: string }>(await compare({ cohortIds: [study.cohorts.Depressed, study.cohorts.Controls], modelId: randomUUID() }), 404);
    expect(missing.code).toBe("MODEL_NOT_FOUND");
  });

  it("falls back to utterance scores when a frame-score file is gone, and says how many", async () => {
    const recording = await study.database.prisma.recording.findUnique({ where: { id: study.recordings.c2a! }, select: { analysisHash: true } });
    const analysis = await study.database.prisma.analysis.findFirst({ where: { modelId: study.models.m1, audioHash: recording!.analysisHash! } });
    // c2a: all frames happy and utterance top happy, so the numbers stay; only the basis changes.
    rmSync(study.store.frameScoresPath(analysis!.frameScoresHash!));
    const result = await body<CohortComparisonJson>(await compare({ cohortIds: [study.cohorts.Depressed, study.cohorts.Controls], permutations: 10 }), 200);
    expect(result.missingFrameFiles).toBe(1);
    expect(result.bases.utterance).toBe(2);
  });

  it("answers 400 for a bad body and 404 for an unknown cohort", async () => {
    const one = await body<{ error: string; code: string }>(await compare({ cohortIds: [study.cohorts.Depressed] }), 400);
    expect(one).toEqual({ error: "Invalid comparison request. cohortIds: must name at least two cohorts to compare", code: "COMPARISON_INVALID" });
    const bad = await body<{ error: string }>(await compare({ cohortIds: [study.cohorts.Depressed, "x"], level: "session", permutations: 0 }), 400);
    expect(bad.error).toContain("cohortIds.1: must be a UUID");
    expect(bad.error).toContain('level: must be "patient"');
    expect(bad.error).toContain("permutations: must be at least 1");
    const ghost = randomUUID();
    const unknown = await body<{ error: string; code: string }>(await compare({ cohortIds: [study.cohorts.Depressed, ghost] }), 404);
    expect(unknown).toEqual({ error: `There is no cohort with id ${ghost}.`, code: "COHORT_NOT_FOUND" });
  });
});

describe(`/api/cohorts on ${testDatabaseMode()}`, () => {
  it("lists cohorts, optionally of one corpus, and refuses a malformed corpus id", async () => {
    const all = await body<CohortListJson>(await serveCohortList(study.database, local, new URLSearchParams()), 200);
    expect(all.cohorts.map((cohort) => cohort.name)).toEqual(["Controls", "Depressed"]);
    const none = await body<CohortListJson>(await serveCohortList(study.database, local, new URLSearchParams({ corpus: study.otherCorpusId })), 200);
    expect(none.cohorts).toEqual([]);
    await body(await serveCohortList(study.database, local, new URLSearchParams({ corpus: "nope" })), 400);
  });

  it("creates a cohort from a projection selection, reporting recordings without a patient as skipped", async () => {
    const created = await body<CohortWriteJson>(
      await serveCohortCreate(study.database, local, { corpusId: study.corpusId, name: "Lasso 1", recordingIds: [study.recordings.d2a, study.recordings.c2a, study.recordings.orphan] }),
      201,
    );
    expect([created.cohort.patientCount, created.addedPatients, created.skippedRecordings]).toEqual([2, 2, [study.recordings.orphan]]);
    const detail = await body<CohortDetailJson>(await serveCohortDetail(study.database, local, created.cohort.id), 200);
    expect(detail.patients.map((patient) => patient.code)).toEqual(["C2", "D2"]);

    const added = await body<CohortWriteJson>(await serveCohortAddPatients(study.database, local, created.cohort.id, { patientIds: [study.patients.D2, study.patients.D3] }), 200);
    expect([added.addedPatients, added.cohort.patientCount]).toEqual([1, 3]);

    // D2 and D3 are now in two of the compared cohorts.
    const shared = await body<CohortComparisonJson>(await compare({ cohortIds: [study.cohorts.Depressed, created.cohort.id], permutations: 10 }), 200);
    expect(shared.comparison.sharedPatientIds.sort()).toEqual([study.patients.D2, study.patients.D3].sort());
    expect(shared.comparison.warnings.map((warning) => warning.code)).toContain("SHARED_PATIENTS");

    const deleted = await body<{ deleted: { id: string; name: string } }>(await serveCohortDelete(study.database, local, created.cohort.id), 200);
    expect(deleted.deleted.name).toBe("Lasso 1");
    await body(await serveCohortDetail(study.database, local, created.cohort.id), 404);
    await body(await serveCohortDelete(study.database, local, created.cohort.id), 404);
  });

  it("answers 409 naming a taken name, 400 for bad patients and recordings (creating nothing), 404 for an unknown corpus", async () => {
    const taken = await body<{ error: string; code: string }>(await serveCohortCreate(study.database, local, { corpusId: study.corpusId, name: " Depressed ", patientIds: [study.patients.D1] }), 409);
    expect(taken).toEqual({ error: 'Corpus "Cohort study" already has a cohort named "Depressed"; choose another name or add the patients to that cohort.', code: "COHORT_NAME_TAKEN" });
    const count = await study.database.prisma.cohort.count();
    const foreign = await body<{ code: string }>(await serveCohortCreate(study.database, local, { corpusId: study.corpusId, name: "Bad", patientIds: [study.patients.D1, study.foreignPatientId] }), 400);
    expect(foreign.code).toBe("PATIENT_NOT_IN_CORPUS");
    const other = await body<{ error: string; code: string }>(await serveCohortCreate(study.database, local, { corpusId: study.corpusId, name: "Bad", recordingIds: [study.recordings.other] }), 400);
    expect(other).toEqual({ error: `1 of the selected recordings is not in this cohort's corpus: ${study.recordings.other}.`, code: "RECORDING_NOT_IN_CORPUS" });
    const orphans = await body<{ error: string; code: string }>(await serveCohortCreate(study.database, local, { corpusId: study.corpusId, name: "Bad", recordingIds: [study.recordings.orphan] }), 400);
    expect(orphans.code).toBe("COHORT_EMPTY");
    expect(orphans.error).toContain("None of the 1 selected recordings belongs to a patient");
    expect(await study.database.prisma.cohort.count()).toBe(count);
    const invalid = await body<{ error: string; code: string }>(await serveCohortCreate(study.database, local, { corpusId: study.corpusId, name: "", patientIds: ["x"] }), 400);
    expect(invalid).toEqual({ error: "Invalid cohort. name: must not be empty; patientIds.0: must be a UUID (8-4-4-4-12 hexadecimal digits)", code: "COHORT_INVALID" });
    const corpus = randomUUID();
    const unknown = await body<{ error: string; code: string }>(await serveCohortCreate(study.database, local, { corpusId: corpus, name: "X", recordingIds: [study.recordings.d1a] }), 404);
    expect(unknown).toEqual({ error: `There is no corpus with id ${corpus}.`, code: "CORPUS_NOT_FOUND" });
  });
});

describe(`GET /api/patients/:id/trajectory on ${testDatabaseMode()}`, () => {
  const trajectory = (patientId: string, params: Record<string, string> = {}) =>
    servePatientTrajectory({ database: study.database, store: study.store, request: local, patientId, params: new URLSearchParams(params) });

  it("orders the sessions by date with undated ones last, and measures the steps between them", async () => {
    const result = await body<PatientTrajectoryJson>(await trajectory(study.patients.D1!), 200);
    expect(result.patient.code).toBe("D1");
    expect(result.model?.id).toBe(study.models.m1);
    const { sessions, steps } = result.trajectory;
    expect(sessions.map((session) => [session.code, session.date])).toEqual([
      ["v1", "2024-01-10"],
      ["v2", "2024-02-10"],
      ["v3", null],
    ]);
    expect(sessions.map((session) => session.recordingIds)).toEqual([[study.recordings.d1a], [study.recordings.d1b], [study.recordings.d1c]]);
    expect(sessions.map((session) => session.source)).toEqual(["human", "human", "human"]);
    expect(sessions[0]!.proportions![CANONICAL_INDEX.sad]).toBeCloseTo(0.75, 12);
    // (2,0,0,0) → (4,0,0,0): 2 apart, same direction.
    expect(steps).toHaveLength(1);
    expect(steps[0]!.euclidean).toBeCloseTo(2, 6);
    expect(steps[0]!.cosine).toBeCloseTo(0, 6);
    expect(result.trajectory.withoutEmbedding).toEqual([sessions[2]!.sessionId]);
    expect(result.trajectory.undatedSessions).toBe(1);
  });

  it("lists recordings without a session apart, and answers 404 and 400", async () => {
    const d3 = await body<PatientTrajectoryJson>(await trajectory(study.patients.D3!), 200);
    expect(d3.trajectory.sessions).toEqual([]);
    expect(d3.trajectory.recordingsWithoutSession.sort()).toEqual([study.recordings.d3a, study.recordings.d3b].sort());
    const ghost = randomUUID();
    expect(await body(await trajectory(ghost, { modelId: randomUUID() }), 404)).toEqual({ error: `There is no patient with id ${ghost}.`, code: "PATIENT_NOT_FOUND" });
    expect((await body<{ code: string }>(await trajectory(study.patients.D1!, { modelId: randomUUID() }), 404)).code).toBe("MODEL_NOT_FOUND");
    await body(await trajectory(study.patients.D1!, { modelId: "m1" }), 400);
    await body(await trajectory("not-a-uuid"), 404);
  });
});
