import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordingSubject } from "../corpus/corpus-types";
import type { JsonValue } from "../jobs/job-types";
import { createRecording, ensureCorpus } from "./corpus.repository";
import { searchRecordings, type SearchHit } from "./search.repository";
import { createTestDatabase, testDatabaseMode, type TestDatabase } from "./testing/test-database";
import { DEFAULT_WORKSPACE_ID } from "./workspace-scope-more.repository";

/** Search over every field it covers, on a small hand-made corpus whose answers are known. */

let database: TestDatabase;
const ids: Record<string, string> = {};

async function add(
  corpusId: string,
  name: string,
  options: { subject?: RecordingSubject; metadata?: { [key: string]: JsonValue }; note?: string; human?: string; model?: string; status?: string } = {},
): Promise<string> {
  const [id] = await createRecording(database.prisma, {
    corpusId,
    contentHash: createHash("sha256").update(`${corpusId}/${name}`).digest("hex"),
    originalName: name,
    format: "wav/pcm_s16le",
    sampleRate: 16_000,
    channels: 1,
    sizeBytes: 1000,
    tracks: [{ trackIndex: -1, analysisHash: createHash("sha256").update(name).digest("hex"), durationSeconds: 12.5, quality: {}, qualityFlags: [] }],
    metadata: options.metadata ?? {},
    ...(options.subject ? { subject: options.subject } : {}),
  });
  await database.prisma.recording.update({
    where: { id: id! },
    data: {
      note: options.note ?? "",
      humanEmotion: options.human ?? null,
      modelEmotion: options.model ?? null,
      labelStatus: options.status ?? "unlabelled",
    },
  });
  ids[name] = id!;
  return id!;
}

const search = (text: string, limit?: number) => searchRecordings(database.prisma, text, limit);
const names = (hits: SearchHit[]) => hits.map((hit) => hit.name);

beforeAll(async () => {
  database = await createTestDatabase();
  const study = await ensureCorpus(database.prisma, "Depression study");
  const pilot = await ensureCorpus(database.prisma, "Pilot");
  await add(study.id, "interview-01.wav", {
    subject: { patientCode: "P-07", cohorts: ["Control group", "Wave 2"], sessionCode: "visit-2" },
    metadata: { site: "Leipzig", importedByJob: "0f3a9c2e-0000-4000-8000-000000000000" },
    human: "happy",
    model: "sad",
    status: "labelled",
  });
  await add(study.id, "interview-02.wav", { subject: { patientCode: "P-08", cohorts: ["Patients"] }, model: "happy", status: "predicted" });
  await add(pilot.id, "session notes.wav", {
    note: "Long pause after the question about sleep, then a clearly audible interview interruption by a nurse entering the room.",
  });
  await add(pilot.id, "tone_50%.wav");
  await add(pilot.id, "tone_500.wav");
  await add(pilot.id, "tone-a_b.wav", { metadata: { remark: 'He said "no" twice', path: "C:\\data\\x" } });
  await add(pilot.id, "toneXaYb.wav");
  await database.prisma.patient.update({
    where: { corpusId_code: { corpusId: study.id, code: "P-08" } },
    data: { metadata: { diagnosis: "MDD", onset: { year: 2019 } } },
  });
  await database.prisma.region.create({ data: { recordingId: ids["interview-02.wav"]!, startSeconds: 1, endSeconds: 2, note: "Laughs at the ending" } });
  await database.prisma.region.create({
    data: { recordingId: ids["tone_500.wav"]!, startSeconds: 1, endSeconds: 2, note: "laughs (deleted)", deletedAt: new Date() },
  });
});

afterAll(async () => {
  await database?.destroy();
});

describe(`search on ${testDatabaseMode()}`, () => {
  it("finds recordings by file name first, then by other fields, with the details the list shows", async () => {
    const hits = await search("INTERVIEW");
    expect(names(hits)).toEqual(["interview-01.wav", "interview-02.wav", "session notes.wav"]);
    expect(hits[0]).toEqual({
      recordingId: ids["interview-01.wav"],
      name: "interview-01.wav",
      trackIndex: -1,
      corpusName: "Depression study",
      // Corpora made without naming a workspace are the Default workspace's.
      workspaceId: DEFAULT_WORKSPACE_ID,
      patientCode: "P-07",
      sessionCode: "visit-2",
      cohortNames: ["Control group", "Wave 2"],
      durationSeconds: 12.5,
      labelStatus: "labelled",
      matches: [{ field: "name", text: "interview-01.wav" }],
    });
    expect(hits[2]!.matches).toEqual([
      { field: "note", text: "…about sleep, then a clearly audible interview interruption by a nurse entering the…" },
    ]);
  });

  it("matches patient codes, cohorts, sessions and labels", async () => {
    expect((await search("p-07")).map((hit) => [hit.name, hit.matches])).toEqual([["interview-01.wav", [{ field: "patient", text: "P-07" }]]]);
    expect((await search("control")).map((hit) => [hit.name, hit.matches])).toEqual([["interview-01.wav", [{ field: "cohort", text: "Control group" }]]]);
    expect((await search("visit")).map((hit) => [hit.name, hit.matches])).toEqual([["interview-01.wav", [{ field: "session", text: "visit-2" }]]]);
    expect((await search("happ")).map((hit) => [hit.name, hit.matches])).toEqual([
      ["interview-01.wav", [{ field: "label", text: "human: happy" }]],
      ["interview-02.wav", [{ field: "label", text: "model: happy" }]],
    ]);
  });

  it("matches notes of the recording and of live regions only", async () => {
    expect((await search("laughs")).map((hit) => [hit.name, hit.matches])).toEqual([["interview-02.wav", [{ field: "note", text: "Laughs at the ending" }]]]);
  });

  it("matches metadata values of the recording and its patient, not the import's bookkeeping", async () => {
    expect((await search("leipzig")).map((hit) => [hit.name, hit.matches])).toEqual([["interview-01.wav", [{ field: "metadata", text: "site: Leipzig" }]]]);
    expect((await search("mdd")).map((hit) => [hit.name, hit.matches])).toEqual([["interview-02.wav", [{ field: "metadata", text: "diagnosis: MDD" }]]]);
    expect((await search("2019")).map((hit) => hit.matches)).toEqual([[{ field: "metadata", text: 'onset: {"year": 2019}' }]]);
    expect(await search("0f3a9c2e")).toEqual([]);
    // Quotes and backslashes are escaped in a document's JSON text: these are found in its values.
    expect((await search('"no"')).map((hit) => hit.matches)).toEqual([[{ field: "metadata", text: 'remark: He said "no" twice' }]]);
    expect((await search("c:\\data")).map((hit) => hit.matches)).toEqual([[{ field: "metadata", text: "path: C:\\data\\x" }]]);
  });

  it("takes LIKE wildcards in the text literally", async () => {
    expect(names(await search("50%"))).toEqual(["tone_50%.wav"]);
    expect(names(await search("a_b"))).toEqual(["tone-a_b.wav"]);
    expect(names(await search("_"))).toEqual(["tone-a_b.wav", "tone_50%.wav", "tone_500.wav"]);
    expect(await search("!")).toEqual([]);
    expect(await search("%")).toHaveLength(1);
  });

  it("lists several matching fields of one recording in a fixed order and honours the limit", async () => {
    const [hit] = await search("interview-0", 1);
    expect(hit!.name).toBe("interview-01.wav");
    expect(await search("tone", 2)).toHaveLength(2);
    expect(await search("   ")).toEqual([]);
    const both = await search("a");
    const first = both.find((entry) => entry.name === "interview-02.wav")!;
    expect(first.matches.map((match) => match.field)).toEqual(["name", "cohort", "label", "note", "metadata"]);
  });
});
