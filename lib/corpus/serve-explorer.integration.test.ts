import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCorpus } from "../db/corpus.repository";
import {
  type ExplorerFilter,
  type ExplorerGroupNode,
  type ExplorerNode,
  type ExplorerRecordingNode,
  listExplorerRecordings,
  type StatusCounts,
} from "../db/explorer.repository";
import { createTestDatabase, testDatabaseMode, type TestDatabase } from "../db/testing/test-database";
import { type SeededCorpus, type SeededRecording, seedManyRecordings } from "../db/testing/seed-many-recordings";
import { parseSearchParams } from "../http/search-params";
import { type ExplorerQuery, explorerQuerySchema, readExplorer, serveExplorer } from "./serve-explorer";

/**
 * The explorer's counts and filters against a brute-force count, in JS, of
 * the rows the seeding helper inserted: every level, every filter.
 */

let database: TestDatabase;
// ACCOUNTS is off here: the local researcher asks.
const local = new Request("http://127.0.0.1:3000/api/explorer");
let main: SeededCorpus;
let other: SeededCorpus;

const FILTERS: { text: string; filter: ExplorerFilter }[] = [
  { text: "filter=all", filter: { kind: "all" } },
  { text: "filter=no-label", filter: { kind: "no-label" } },
  { text: "filter=low-confidence&lowConfidence=0.4", filter: { kind: "low-confidence", below: 0.4 } },
  { text: "filter=disagree", filter: { kind: "disagree" } },
  // Every seventh recording of each corpus, assigned to the annotator the queries ask as.
  { text: "filter=assigned", filter: { kind: "assigned", annotatorId: null } },
];

/** Recordings assigned to `annotatorId`, who asks every query below. */
const assigned = new Set<string>();
let annotatorId: string;

function passes(recording: SeededRecording, filter: ExplorerFilter): boolean {
  switch (filter.kind) {
    case "all":
      return true;
    case "no-label":
      return recording.humanEmotion === null && recording.labelStatus !== "reviewed";
    case "low-confidence":
      return recording.modelConfidence !== null && recording.modelConfidence < filter.below;
    case "disagree":
      return recording.humanEmotion !== null && recording.modelEmotion !== null && recording.humanEmotion !== recording.modelEmotion;
    case "assigned":
      return assigned.has(recording.id);
  }
}

type Expected = { kind: string; id: string; name: string; count: number; statusCounts: StatusCounts };

/** Groups that pass the filter, as the tree should show them (zero-count groups left out). */
function expectGroups(recordings: SeededRecording[], filter: ExplorerFilter, keyOf: (recording: SeededRecording) => string[], describe: (key: string) => Omit<Expected, "count" | "statusCounts">): Expected[] {
  const groups = new Map<string, Expected>();
  for (const recording of recordings) {
    if (!passes(recording, filter)) continue;
    for (const key of keyOf(recording)) {
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { ...describe(key), count: 0, statusCounts: { unlabelled: 0, predicted: 0, in_progress: 0, labelled: 0, reviewed: 0 } }));
      group.count++;
      group.statusCounts[recording.labelStatus]++;
    }
  }
  return [...groups.values()];
}

function query(text: string): ExplorerQuery {
  const parsed = parseSearchParams(explorerQuerySchema, new URLSearchParams(text));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

async function children(text: string): Promise<ExplorerNode[]> {
  const answer = await readExplorer(database, query(text), undefined, annotatorId);
  if (!answer.ok) throw new Error(answer.message);
  expect(answer.listing.truncated).toBe(false);
  return answer.listing.children;
}

const shape = (node: ExplorerNode): Expected => ({ kind: node.kind, id: node.id, name: node.name, count: node.count, statusCounts: node.statusCounts });
const byId = (a: Expected, b: Expected) => (a.id < b.id ? -1 : 1);

beforeAll(async () => {
  database = await createTestDatabase();
  main = await seedManyRecordings(database.prisma, { corpusName: "Main study", recordings: 3000, patients: 40, cohorts: 3, sessionsPerPatient: 3 });
  other = await seedManyRecordings(database.prisma, { corpusName: "Another study", recordings: 200, patients: 5, cohorts: 1, sessionsPerPatient: 1, seed: 2 });
  await ensureCorpus(database.prisma, "Empty study");
  annotatorId = (await database.prisma.user.create({ data: { username: "annotator", displayName: "Annotator" }, select: { id: true } })).id;
  const someoneElse = (await database.prisma.user.create({ data: { username: "someone-else", displayName: "Someone" }, select: { id: true } })).id;
  const toAssign = [...main.recordings, ...other.recordings].filter((_, index) => index % 7 === 0);
  for (const recording of toAssign) assigned.add(recording.id);
  await database.prisma.annotationAssignment.createMany({
    data: [
      ...toAssign.map((recording) => ({ recordingId: recording.id, annotatorId })),
      // Someone else's assignments are not the asker's.
      ...main.recordings.filter((_, index) => index % 7 === 1).map((recording) => ({ recordingId: recording.id, annotatorId: someoneElse })),
    ],
  });
});

afterAll(async () => {
  await database?.destroy();
});

describe(`explorer tree on ${testDatabaseMode()}`, () => {
  it("seeds a corpus with every kind of node", () => {
    expect(main.recordings.some((recording) => recording.patient === null)).toBe(true);
    expect(main.patients.some((patient) => patient.cohorts.length === 0)).toBe(true);
    expect(main.patients.some((patient) => patient.cohorts.length === 2)).toBe(true);
    expect(main.recordings.some((recording) => recording.patient !== null && recording.session === null)).toBe(true);
  });

  it("lists the corpora with recordings, by name, with counts per filter", async () => {
    for (const { text, filter } of FILTERS) {
      const nodes = await children(text);
      const expected = [
        ...expectGroups(main.recordings, filter, () => ["main"], () => ({ kind: "corpus", id: main.corpusId, name: "Main study" })),
        ...expectGroups(other.recordings, filter, () => ["other"], () => ({ kind: "corpus", id: other.corpusId, name: "Another study" })),
      ];
      expect(nodes.map(shape)).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
    }
  });

  it("splits a corpus into cohorts, No cohort and No patient", async () => {
    for (const { text, filter } of FILTERS) {
      const nodes = await children(`corpus=${main.corpusId}&${text}`);
      const expected = expectGroups(
        main.recordings,
        filter,
        (recording) => {
          if (recording.patient === null) return ["no-patient"];
          const cohorts = main.patients[recording.patient]!.cohorts;
          return cohorts.length === 0 ? ["no-cohort"] : cohorts.map(String);
        },
        (key) =>
          key === "no-patient"
            ? { kind: "patient", id: "none", name: "No patient" }
            : key === "no-cohort"
              ? { kind: "cohort", id: "none", name: "No cohort" }
              : { kind: "cohort", id: main.cohorts[Number(key)]!.id, name: main.cohorts[Number(key)]!.name },
      );
      expect(nodes.map(shape).sort(byId)).toEqual(expected.sort(byId));
      expect(nodes.map((node) => node.name)).toEqual(["Cohort 1", "Cohort 2", "Cohort 3", "No cohort", "No patient"].filter((name) => nodes.some((node) => node.name === name)));
    }
  });

  it("lists a cohort's patients and the patients in no cohort", async () => {
    for (const { text, filter } of FILTERS) {
      for (const [cohortParam, inCohort] of [
        [main.cohorts[1]!.id, (cohorts: number[]) => cohorts.includes(1)],
        ["none", (cohorts: number[]) => cohorts.length === 0],
      ] as const) {
        const nodes = await children(`corpus=${main.corpusId}&cohort=${cohortParam}&${text}`);
        const expected = expectGroups(
          main.recordings,
          filter,
          (recording) => (recording.patient !== null && inCohort(main.patients[recording.patient]!.cohorts) ? [String(recording.patient)] : []),
          (key) => ({ kind: "patient", id: main.patients[Number(key)]!.id, name: main.patients[Number(key)]!.code }),
        );
        expect(nodes.map(shape)).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
      }
    }
  });

  it("lists a patient's sessions and No session", async () => {
    const patient = main.recordings.find((recording) => recording.patient !== null && recording.session === null)!.patient!;
    for (const { text, filter } of FILTERS) {
      const nodes = await children(`corpus=${main.corpusId}&patient=${main.patients[patient]!.id}&${text}`);
      const expected = expectGroups(
        main.recordings.filter((recording) => recording.patient === patient),
        filter,
        (recording) => [recording.session === null ? "none" : String(recording.session)],
        (key) => (key === "none" ? { kind: "session", id: "none", name: "No session" } : { kind: "session", id: main.sessions[Number(key)]!.id, name: main.sessions[Number(key)]!.code }),
      );
      const last = (node: Expected) => (node.id === "none" ? 1 : 0);
      expect(nodes.map(shape)).toEqual(expected.sort((a, b) => last(a) - last(b) || a.name.localeCompare(b.name)));
    }
  });

  it("lists a session's recordings by name with their label columns", async () => {
    const session = main.recordings.find((recording) => recording.session !== null)!.session!;
    const { patient } = main.sessions[session]!;
    const nodes = (await children(`corpus=${main.corpusId}&patient=${main.patients[patient]!.id}&session=${main.sessions[session]!.id}`)) as ExplorerRecordingNode[];
    const expected = main.recordings.filter((recording) => recording.session === session).sort((a, b) => a.name.localeCompare(b.name));
    expect(nodes.map((node) => node.id)).toEqual(expected.map((recording) => recording.id));
    const first = expected[0]!;
    expect(nodes[0]).toMatchObject({
      kind: "recording",
      name: first.name,
      count: 1,
      trackIndex: -1,
      labelStatus: first.labelStatus,
      humanEmotion: first.humanEmotion,
      modelEmotion: first.modelEmotion,
      modelConfidence: first.modelConfidence,
      patientCode: main.patients[patient]!.code,
      sessionCode: main.sessions[session]!.code,
    });
    expect(nodes[0]!.statusCounts[first.labelStatus]).toBe(1);
    expect(typeof nodes[0]!.durationSeconds).toBe("number");
  });

  it("lists the recordings of No patient and of a patient's No session", async () => {
    const noPatient = await children(`corpus=${main.corpusId}&patient=none&filter=no-label`);
    expect(noPatient.map((node) => node.id)).toEqual(
      main.recordings.filter((recording) => recording.patient === null && passes(recording, { kind: "no-label" })).map((recording) => recording.id),
    );
    const patient = main.recordings.find((recording) => recording.patient !== null && recording.session === null)!.patient!;
    const noSession = await children(`corpus=${main.corpusId}&patient=${main.patients[patient]!.id}&session=none`);
    expect(noSession.map((node) => node.id)).toEqual(
      main.recordings.filter((recording) => recording.patient === patient && recording.session === null).map((recording) => recording.id),
    );
  });

  it("lists every filtered recording of a corpus flat, by name", async () => {
    for (const { text, filter } of FILTERS) {
      const nodes = await children(`corpus=${main.corpusId}&flat=1&${text}`);
      expect(nodes.map((node) => node.id)).toEqual(main.recordings.filter((recording) => passes(recording, filter)).map((recording) => recording.id));
      expect(nodes.every((node) => node.kind === "recording")).toBe(true);
    }
    const cohortFlat = await children(`corpus=${main.corpusId}&cohort=${main.cohorts[0]!.id}&flat=1`);
    const cohortNode = (await children(`corpus=${main.corpusId}`)).find((node) => node.id === main.cohorts[0]!.id) as ExplorerGroupNode;
    expect(cohortFlat).toHaveLength(cohortNode.count);
  });

  it("says when a recording list was cut at its limit", async () => {
    const cut = await listExplorerRecordings(database.prisma, { corpusId: other.corpusId }, { kind: "all" }, 10);
    expect(cut.truncated).toBe(true);
    expect(cut.children.map((node) => node.name)).toEqual(other.recordings.slice(0, 10).map((recording) => recording.name));
    const whole = await listExplorerRecordings(database.prisma, { corpusId: other.corpusId }, { kind: "all" }, other.recordings.length);
    expect(whole.truncated).toBe(false);
    expect(whole.children).toHaveLength(other.recordings.length);
  });

  it("answers 404 for a node that is not where the query says", async () => {
    const missing = "0b5f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b";
    const otherPatient = other.patients[0]!.id;
    for (const [text, message] of [
      [`corpus=${missing}`, `There is no corpus with id ${missing}.`],
      [`corpus=${main.corpusId}&cohort=${other.cohorts[0]!.id}`, `There is no cohort with id ${other.cohorts[0]!.id} in that corpus.`],
      [`corpus=${main.corpusId}&patient=${otherPatient}`, `There is no patient with id ${otherPatient} in that corpus.`],
      [`corpus=${other.corpusId}&patient=${otherPatient}&session=${main.sessions[0]!.id}`, `There is no session with id ${main.sessions[0]!.id} for that patient.`],
    ] as const) {
      const response = await serveExplorer(database, local, query(text));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: message, code: "EXPLORER_NODE_NOT_FOUND" });
    }
    const patientOutsideCohort = main.patients.find((patient) => !patient.cohorts.includes(0))!;
    const response = await serveExplorer(database, local, query(`corpus=${main.corpusId}&cohort=${main.cohorts[0]!.id}&patient=${patientOutsideCohort.id}`));
    expect(response.status).toBe(404);
  });

  it("names each bad parameter", () => {
    const parse = (text: string) => parseSearchParams(explorerQuerySchema, new URLSearchParams(text));
    expect(parse("filter=odd")).toMatchObject({ ok: false, message: expect.stringContaining("filter: filter must be one of all, no-label, low-confidence, disagree") });
    expect(parse("cohort=none")).toMatchObject({ ok: false, message: expect.stringContaining("corpus: corpus is required") });
    expect(parse(`corpus=${main.corpusId}&session=none`)).toMatchObject({ ok: false, message: expect.stringContaining("session: session needs the patient") });
    expect(parse(`corpus=${main.corpusId}&cohort=none&patient=none`)).toMatchObject({ ok: false, message: expect.stringContaining("not inside a cohort") });
    expect(parse(`corpus=${main.corpusId}&patient=P1`)).toMatchObject({ ok: false, message: expect.stringContaining('patient: patient must be a UUID or "none"') });
    expect(parse("lowConfidence=0")).toMatchObject({ ok: false, message: expect.stringContaining("lowConfidence must be more than 0") });
  });
});
