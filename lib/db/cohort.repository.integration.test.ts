import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CohortError } from "../cohorts/cohort-error";
import { buildCohortStudy, type CohortStudy } from "../cohorts/testing/cohort-study-fixture";
import {
  addPatientsToCohort,
  comparisonInputs,
  createCohort,
  deleteCohort,
  listCohortPatients,
  listCohorts,
  modelsAnalysed,
  patientsOfRecordings,
  trajectoryInputs,
} from "./cohort.repository";
import { createTestDatabase, testDatabaseMode } from "./testing/test-database";

/** The cohort repository on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL), on the hand-made study of the fixture. */

let study: CohortStudy;

beforeAll(async () => {
  study = await buildCohortStudy(await createTestDatabase());
});

afterAll(async () => {
  study?.destroy();
  await study?.database.destroy();
});

const prisma = () => study.database.prisma;

async function rejection(promise: Promise<unknown>): Promise<CohortError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CohortError);
  return error as CohortError;
}

describe(`cohort repository on ${testDatabaseMode()}`, () => {
  it("lists cohorts by corpus with patient and recording counts", async () => {
    const cohorts = await listCohorts(prisma(), { corpusId: study.corpusId });
    expect(cohorts.map((cohort) => [cohort.name, cohort.patientCount, cohort.recordingCount, cohort.corpus.name])).toEqual([
      ["Controls", 3, 4, "Cohort study"],
      ["Depressed", 3, 6, "Cohort study"],
    ]);
  });

  it("creates a cohort with its patients, and lists them by code", async () => {
    const cohort = await createCohort(prisma(), { corpusId: study.corpusId, name: "Mixed", description: "D1 and C2", patientIds: [study.patients.D1!, study.patients.C2!, study.patients.D1!] });
    expect([cohort.name, cohort.description, cohort.patientCount, cohort.recordingCount]).toEqual(["Mixed", "D1 and C2", 2, 4]);
    const patients = await listCohortPatients(prisma(), cohort.id);
    expect(patients.map((patient) => [patient.code, patient.recordingCount, patient.sessionCount])).toEqual([
      ["C2", 1, 0],
      ["D1", 3, 3],
    ]);
    expect((await addPatientsToCohort(prisma(), cohort.id, [study.patients.D1!, study.patients.D3!])).added).toBe(1);
    expect((await deleteCohort(prisma(), cohort.id)).name).toBe("Mixed");
    expect((await rejection(listCohortPatients(prisma(), cohort.id))).code).toBe("COHORT_NOT_FOUND");
    expect((await rejection(deleteCohort(prisma(), cohort.id))).code).toBe("COHORT_NOT_FOUND");
  });

  it("creates nothing when one patient is unknown or of another corpus", async () => {
    const before = await prisma().cohortMembership.count();
    const unknown = await rejection(createCohort(prisma(), { corpusId: study.corpusId, name: "Broken", patientIds: [study.patients.D1!, randomUUID()] }));
    expect(unknown.code).toBe("PATIENT_NOT_IN_CORPUS");
    const foreign = await rejection(createCohort(prisma(), { corpusId: study.corpusId, name: "Broken", patientIds: [study.patients.D2!, study.foreignPatientId] }));
    expect(foreign.message).toContain(`1 patient is not in corpus "Cohort study": ${study.foreignPatientId}`);
    expect(await prisma().cohort.count({ where: { name: "Broken" } })).toBe(0);
    expect(await prisma().cohortMembership.count()).toBe(before);
  });

  it("refuses a taken name, an empty cohort and an unknown corpus", async () => {
    const taken = await rejection(createCohort(prisma(), { corpusId: study.corpusId, name: "Depressed", patientIds: [study.patients.D1!] }));
    expect(taken.code).toBe("COHORT_NAME_TAKEN");
    expect(taken.message).toBe('Corpus "Cohort study" already has a cohort named "Depressed"; choose another name or add the patients to that cohort.');
    expect((await rejection(createCohort(prisma(), { corpusId: study.corpusId, name: "Nobody", patientIds: [] }))).code).toBe("COHORT_EMPTY");
    expect((await rejection(createCohort(prisma(), { corpusId: randomUUID(), name: "X", patientIds: [study.patients.D1!] }))).code).toBe("CORPUS_NOT_FOUND");
    // The same name in another corpus is fine.
    const elsewhere = await createCohort(prisma(), { corpusId: study.otherCorpusId, name: "Depressed", patientIds: [study.foreignPatientId] });
    await deleteCohort(prisma(), elsewhere.id);
  });

  it("finds the patients of selected recordings, reporting those without a patient or of another corpus", async () => {
    const { recordings } = study;
    const answer = await patientsOfRecordings(prisma(), study.corpusId, [recordings.d1a!, recordings.d1b!, recordings.c2a!, recordings.orphan!, recordings.other!]);
    expect(answer).toEqual({ patientIds: [study.patients.D1, study.patients.C2], withoutPatient: [recordings.orphan], notInCorpus: [recordings.other] });
    expect(await patientsOfRecordings(prisma(), randomUUID(), [recordings.d1a!])).toBeNull();
  });

  it("ranks models by the recordings they analysed", async () => {
    const models = await modelsAnalysed(prisma(), { cohortIds: [study.cohorts.Depressed, study.cohorts.Controls] });
    expect(models.map((model) => [model.id, model.recordings])).toEqual([
      [study.models.m1, 7],
      [study.models.m2, 1],
    ]);
  });

  it("reads current labels (not superseded, not of deleted regions) and the chosen model's analysis", async () => {
    const inputs = await comparisonInputs(prisma(), { cohortIds: [study.cohorts.Depressed, study.cohorts.Controls], modelId: study.models.m1 });
    expect(inputs.cohorts.map((cohort) => cohort.name)).toEqual(["Depressed", "Controls"]);
    expect(inputs.memberships).toHaveLength(6);
    expect(inputs.recordings).toHaveLength(10);
    const row = (name: string) => inputs.recordings.find((recording) => recording.recordingId === study.recordings[name])!;
    expect(row("d1a").regionLabels.sort((a, b) => a.startSeconds - b.startSeconds)).toEqual([
      { startSeconds: 0, endSeconds: 6, emotion: "sad" },
      { startSeconds: 6, endSeconds: 8, emotion: "happy" },
    ]);
    expect(row("d1a").recordingLabel).toBeNull();
    expect(row("d1b").recordingLabel).toBe("sad");
    expect(row("d1b").analysis!.frameScoresHash).toBeNull();
    expect(Array.from(row("d2a").analysis!.embedding!)).toEqual([1, 1, 0, 0]);
    expect(row("d2a").analysis!.frameScoresHash).toMatch(/^[0-9a-f]{64}$/);
    expect((row("d2a").analysis!.utteranceScores as { top: string }).top).toBe("sad");
    expect(row("d3b").analysis).toBeNull();
    const withoutModel = await comparisonInputs(prisma(), { cohortIds: [study.cohorts.Depressed], modelId: null });
    expect(withoutModel.recordings.every((recording) => recording.analysis === null)).toBe(true);
  });

  it("reads a patient's sessions with dates and its recordings for the trajectory", async () => {
    const inputs = await trajectoryInputs(prisma(), { patientId: study.patients.D1!, modelId: study.models.m1 });
    expect(inputs!.patient.code).toBe("D1");
    expect(inputs!.sessions.map((session) => [session.code, session.date]).sort()).toEqual([
      ["v1", "2024-01-10"],
      ["v2", "2024-02-10"],
      ["v3", null],
    ]);
    expect(inputs!.recordings).toHaveLength(3);
    expect(await trajectoryInputs(prisma(), { patientId: randomUUID(), modelId: null })).toBeNull();
  });
});
