import { createSeededRandom as mulberry32 } from "../../domain/statistics/seeded-random";
import { randomUUID } from "node:crypto";
import { CANONICAL_LABELS } from "../../domain/emotion-labels";
import { LABEL_STATUSES, type LabelStatus } from "../../domain/label-state";
import type { PrismaClient } from "../generated/client";

/**
 * A large corpus in the database for tests and benchmarks of the explorer,
 * search and filters: rows only (fake content hashes, no audio files), drawn
 * from a seeded generator so a run is repeatable, inserted with createMany.
 * Returns what it inserted, so a test can count the expected answers itself.
 */

export interface SeedManyRecordingsOptions {
  corpusName: string;
  recordings: number;
  patients: number;
  cohorts: number;
  sessionsPerPatient: number;
  /** Default 1. */
  seed?: number;
}

export interface SeededRecording {
  id: string;
  name: string;
  /** Index into `patients`; null for the 2 % without a patient. */
  patient: number | null;
  /** Index into `sessions`; null for the 5 % of a patient's recordings without one. */
  session: number | null;
  labelStatus: LabelStatus;
  humanEmotion: string | null;
  modelEmotion: string | null;
  modelConfidence: number | null;
}

export interface SeededCorpus {
  corpusId: string;
  cohorts: { id: string; name: string }[];
  /** 10 % are in no cohort, 10 % (with two cohorts or more) in two. */
  patients: { id: string; code: string; cohorts: number[] }[];
  sessions: { id: string; code: string; patient: number }[];
  recordings: SeededRecording[];
  /** Wall time of the inserts. */
  seconds: number;
}

/** Rows per createMany: a few columns × 2,000 stays well under PostgreSQL's 32,767 bind parameters. */
const BATCH = 2_000;
const RECORDING_BATCH = 10_000;

/** Share of each status, in LABEL_STATUSES order: unlabelled, predicted, in_progress, labelled, reviewed. */
const STATUS_SHARES = [0.3, 0.4, 0.1, 0.15, 0.05];

export async function seedManyRecordings(prisma: PrismaClient, options: SeedManyRecordingsOptions): Promise<SeededCorpus> {
  const { corpusName, recordings: recordingCount, patients: patientCount, cohorts: cohortCount, sessionsPerPatient } = options;
  const random = mulberry32(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const started = performance.now();

  const corpus = await prisma.corpus.create({ data: { name: corpusName }, select: { id: true } });
  const cohorts = Array.from({ length: cohortCount }, (_, index) => ({ id: randomUUID(), name: `Cohort ${index + 1}` }));
  const patients = Array.from({ length: patientCount }, (_, index) => {
    const roll = random();
    const first = index % Math.max(1, cohortCount);
    const memberOf = cohortCount === 0 || roll < 0.1 ? [] : roll < 0.2 && cohortCount > 1 ? [first, (first + 1) % cohortCount] : [first];
    return { id: randomUUID(), code: `P${String(index + 1).padStart(5, "0")}`, cohorts: memberOf };
  });
  const sessions = patients.flatMap((_, patient) =>
    Array.from({ length: sessionsPerPatient }, (__, index) => ({ id: randomUUID(), code: `S${index + 1}`, patient })),
  );

  const recordings: SeededRecording[] = [];
  for (let index = 0; index < recordingCount; index++) {
    const patient = patientCount === 0 || random() < 0.02 ? null : Math.floor(random() * patientCount);
    const session =
      patient === null || sessionsPerPatient === 0 || random() < 0.05 ? null : patient * sessionsPerPatient + Math.floor(random() * sessionsPerPatient);
    const labelStatus = drawStatus(random());
    const modelEmotion = labelStatus === "unlabelled" || random() < 0.1 ? null : pick(CANONICAL_LABELS);
    const human =
      labelStatus === "labelled" || (labelStatus === "reviewed" && random() < 0.8) || (labelStatus === "in_progress" && random() < 0.3);
    const humanEmotion = !human ? null : modelEmotion && random() < 0.7 ? modelEmotion : pick(CANONICAL_LABELS);
    recordings.push({
      id: randomUUID(),
      name: `rec-${String(index + 1).padStart(6, "0")}.wav`,
      patient,
      session,
      labelStatus,
      humanEmotion,
      modelEmotion,
      modelConfidence: modelEmotion ? Math.round((0.2 + 0.8 * random()) * 1000) / 1000 : null,
    });
  }

  await prisma.cohort.createMany({ data: cohorts.map((cohort) => ({ ...cohort, corpusId: corpus.id })) });
  for (let from = 0; from < patients.length; from += BATCH) {
    const batch = patients.slice(from, from + BATCH);
    await prisma.patient.createMany({ data: batch.map((patient) => ({ id: patient.id, code: patient.code, corpusId: corpus.id })) });
    await prisma.cohortMembership.createMany({
      data: batch.flatMap((patient) => patient.cohorts.map((cohort) => ({ cohortId: cohorts[cohort]!.id, patientId: patient.id }))),
    });
  }
  for (let from = 0; from < sessions.length; from += BATCH) {
    await prisma.studySession.createMany({
      data: sessions.slice(from, from + BATCH).map((session) => ({ id: session.id, code: session.code, patientId: patients[session.patient]!.id })),
    });
  }
  // One INSERT … SELECT FROM unnest(arrays) per batch: ten parameters whatever the batch size, and
  // several times faster than createMany's row-by-row parameters on PGlite.
  for (let from = 0; from < recordings.length; from += RECORDING_BATCH) {
    const batch = recordings.slice(from, from + RECORDING_BATCH);
    const column = <T>(value: (recording: SeededRecording, index: number) => T): T[] => batch.map((recording, offset) => value(recording, from + offset));
    await prisma.$executeRaw`
      INSERT INTO "Recording" (id, "corpusId", "patientId", "sessionId", "contentHash", "originalName", format, "durationSeconds",
        "sampleRate", channels, "sizeBytes", "qualityFlags", "labelStatus", "humanEmotion", "modelEmotion", "modelConfidence", "updatedAt")
      SELECT t.id, ${corpus.id}::uuid, t.patient, t.session, t.hash, t.name, 'wav/pcm_s16le', t.duration,
        16000, 1, 0, '{}'::text[], t.status, t.human, t.model, t.confidence, now()
      FROM unnest(
        ${column((recording) => recording.id)}::uuid[],
        ${column((recording) => (recording.patient === null ? null : patients[recording.patient]!.id))}::uuid[],
        ${column((recording) => (recording.session === null ? null : sessions[recording.session]!.id))}::uuid[],
        ${column((_, index) => index.toString(16).padStart(64, "0"))}::text[],
        ${column((recording) => recording.name)}::text[],
        ${column((_, index) => 5 + (index % 600))}::float8[],
        ${column((recording) => recording.labelStatus)}::text[],
        ${column((recording) => recording.humanEmotion)}::text[],
        ${column((recording) => recording.modelEmotion)}::text[],
        ${column((recording) => recording.modelConfidence)}::float8[]
      ) AS t(id, patient, session, hash, name, duration, status, human, model, confidence)`;
  }
  return { corpusId: corpus.id, cohorts, patients, sessions, recordings, seconds: (performance.now() - started) / 1000 };
}

function drawStatus(roll: number): LabelStatus {
  let cumulative = 0;
  for (let index = 0; index < STATUS_SHARES.length; index++) {
    cumulative += STATUS_SHARES[index]!;
    if (roll < cumulative) return LABEL_STATUSES[index]!;
  }
  return LABEL_STATUSES[LABEL_STATUSES.length - 1]!;
}
