import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveCorpora } from "../corpus/serve-corpora";
import { serveExplorer, explorerQuerySchema } from "../corpus/serve-explorer";
import { serveMediaRequest } from "../corpus/serve-media-request";
import { serveRecording } from "../corpus/serve-recording";
import { recordingAudioResponse } from "../corpus/serve-recording-audio";
import { serveRecordingList } from "../corpus/serve-recording-list";
import { serveSearch } from "../corpus/serve-search";
import { buildTwoLabs, type TwoLabs, type User } from "../corpus/testing/two-labs-fixture";
import { listAuditEvents } from "../db/audit.repository";
import { testDatabaseMode } from "../db/testing/test-database";
import type { RecordingLabelState } from "../domain/label-state";
import { parseSearchParams } from "../http/search-params";
import { serveLabelImport } from "../labels/import-annotation-file";
import { serveBulkLabel } from "../labels/serve-bulk-label";
import { serveLabelEdit, serveLabelHistory, serveLabelState, serveNextAttention, serveUndoRedo } from "../labels/serve-labels";

/**
 * With ACCOUNTS=on, the recording, label, corpus, explorer and search routes
 * and the audio path served before Next.js: who may read and label what, how
 * another lab's data stays invisible (404, as if it did not exist), lists
 * narrowed to the asker's workspaces, and the audit rows of label changes.
 */

let labs: TwoLabs;
let server: Server;
let origin: string;
const previous = { ACCOUNTS: process.env.ACCOUNTS, DATA_DIR: process.env.DATA_DIR };

beforeAll(async () => {
  process.env.ACCOUNTS = "on";
  labs = await buildTwoLabs();
  server = createServer((incoming, outgoing) => {
    void serveMediaRequest(incoming, outgoing).then((handled) => {
      if (!handled) outgoing.writeHead(418).end("not the media handler");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await labs?.destroy();
  for (const [name, value] of Object.entries(previous)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const as = (who: User | null, url?: string) => labs.request(who, url);

async function body<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

const edit = (who: User | null, recordingId: string, change: unknown, expectedVersion = 0) =>
  serveLabelEdit({ database: labs.database, store: labs.store, request: as(who), recordingId, body: { expectedVersion, edit: change } });

describe(`recordings, labels and lists with accounts on ${testDatabaseMode()}`, () => {
  it("asks for a login before anything else", async () => {
    for (const response of [
      await serveCorpora(labs.database, as(null)),
      await serveRecording(labs.database, as(null), labs.recordings.a1),
      await serveLabelState(labs.database, as(null), labs.recordings.a1),
      await edit(null, labs.recordings.a1, { kind: "review.set", reviewed: true }),
      await recordingAudioResponse(labs.recordings.a1, new URLSearchParams(), as(null)),
    ]) {
      expect(response.status).toBe(401);
    }
  });

  it("answers another lab's recording exactly as one that does not exist", async () => {
    const unknown = randomUUID();
    const unknownBody = await body<{ error: string; code: string }>(await serveRecording(labs.database, as("cleo"), unknown), 404);
    const hidden = await body<{ error: string; code: string }>(await serveRecording(labs.database, as("cleo"), labs.recordings.a1), 404);
    expect(hidden).toEqual({ ...unknownBody, error: unknownBody.error.replace(unknown, labs.recordings.a1) });
    await body(await serveLabelState(labs.database, as("cleo"), labs.recordings.a1), 404);
    await body(await serveLabelHistory(labs.database, as("cleo"), labs.recordings.a1, new URLSearchParams()), 404);
    await body(await recordingAudioResponse(labs.recordings.a1, new URLSearchParams(), as("cleo")), 404);
    // A member of the lab reads it.
    expect((await body<{ recording: { originalName: string } }>(await serveRecording(labs.database, as("ben"), labs.recordings.a1), 200)).recording.originalName).toBe("shared-a1.wav");
    expect((await serveLabelState(labs.database, as("ben"), labs.recordings.a1)).status).toBe(200);
    const audio = await recordingAudioResponse(labs.recordings.a1, new URLSearchParams(), as("ana"));
    expect(audio.status).toBe(200);
    expect((await audio.arrayBuffer()).byteLength).toBe(4000);
  });

  it("narrows every list to the asker's workspaces", async () => {
    const corpora = await body<{ corpora: { name: string }[] }>(await serveCorpora(labs.database, as("ana")), 200);
    expect(corpora.corpora.map((corpus) => corpus.name)).toEqual(["Lab A study"]);
    expect((await body<{ corpora: unknown[] }>(await serveCorpora(labs.database, as("cleo")), 200)).corpora).toHaveLength(1);

    const list = await body<{ recordings: { originalName: string }[] }>(await serveRecordingList(labs.database, as("ana"), new URLSearchParams()), 200);
    expect(list.recordings.map((recording) => recording.originalName).sort()).toEqual(["shared-a1.wav", "shared-a2.wav"]);
    // Naming the other lab's corpus lists nothing, as naming an unknown corpus does.
    expect((await body<{ recordings: unknown[] }>(await serveRecordingList(labs.database, as("ana"), new URLSearchParams({ corpus: labs.corpora.B.id })), 200)).recordings).toEqual([]);

    const search = await body<{ hits: { name: string }[] }>(await serveSearch(labs.database, as("cleo"), new URLSearchParams({ q: "shared" })), 200);
    expect(search.hits.map((hit) => hit.name)).toEqual(["shared-b1.wav"]);
    expect((await body<{ hits: unknown[] }>(await serveSearch(labs.database, as("ben"), new URLSearchParams({ q: "shared" })), 200)).hits).toHaveLength(2);

    const explorer = (text: string) => {
      const parsed = parseSearchParams(explorerQuerySchema, new URLSearchParams(text));
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.value;
    };
    const root = await body<{ children: { name: string }[] }>(await serveExplorer(labs.database, as("ana"), explorer("")), 200);
    expect(root.children.map((node) => node.name)).toEqual(["Lab A study"]);
    const unknown = randomUUID();
    const missing = await body<{ error: string; code: string }>(await serveExplorer(labs.database, as("ana"), explorer(`corpus=${unknown}`)), 404);
    const hidden = await body<{ error: string; code: string }>(await serveExplorer(labs.database, as("ana"), explorer(`corpus=${labs.corpora.B.id}&flat=1`)), 404);
    expect(hidden).toEqual({ ...missing, error: missing.error.replace(unknown, labs.corpora.B.id) });
    expect((await body<{ children: unknown[] }>(await serveExplorer(labs.database, as("cleo"), explorer(`corpus=${labs.corpora.B.id}&flat=1`)), 200)).children).toHaveLength(1);

    const next = await body<{ target: { recordingId: string } | null }>(await serveNextAttention(labs.database, as("cleo"), new URLSearchParams()), 200);
    expect(next.target?.recordingId).toBe(labs.recordings.b1);
    expect((await body<{ target: unknown }>(await serveNextAttention(labs.database, as("cleo"), new URLSearchParams({ corpus: labs.corpora.A.id })), 200)).target).toBeNull();
  });

  it("lets a reviewer label, as themselves and audited, but not a viewer or an annotator", async () => {
    const id = labs.recordings.a2;
    const viewer = await body<{ error: string; code: string }>(await edit("ben", id, { kind: "label.set", regionId: null, emotion: "sad" }), 403);
    expect(viewer).toEqual({ error: "Your role (viewer) in this workspace does not allow you to set final labels.", code: "FORBIDDEN" });
    await body(await edit("ana", id, { kind: "label.set", regionId: null, emotion: "sad" }), 403);
    await body(await edit("cleo", id, { kind: "label.set", regionId: null, emotion: "sad" }), 404);

    const labelled = await body<RecordingLabelState>(await edit("rita", id, { kind: "label.set", regionId: null, emotion: "sad" }), 200);
    expect(labelled.recordingLabel).toMatchObject({ emotion: "sad", authorName: "Rita" });
    const noted = await body<RecordingLabelState>(await edit("rita", id, { kind: "note.set", regionId: null, note: "P-17 said her mother" }, 1), 200);
    expect(noted.version).toBe(2);
    const undo = (who: User, direction: "undo" | "redo", expectedVersion: number) =>
      serveUndoRedo({ database: labs.database, request: as(who), recordingId: id, body: { expectedVersion }, direction });
    await body(await undo("ben", "undo", 2), 403);
    await body(await undo("rita", "undo", 2), 200);
    await body(await undo("rita", "redo", 3), 200);

    const labelEvents = async (who: User) => (await listAuditEvents(labs.database.prisma, { actorId: labs.userIds[who], limit: 20 })).filter((event) => event.action !== "login");
    const events = await labelEvents("rita");
    expect(events.map((event) => [event.action, event.details.kind ?? null]).reverse()).toEqual([
      ["label.set", "label.set"],
      ["label.set", "note.set"],
      ["label.undo", null],
      ["label.redo", null],
    ]);
    expect(events.every((event) => event.targetId === id && event.workspaceId === labs.labs.A && event.actorName === "rita" && event.address === "10.9.8.7")).toBe(true);
    expect(JSON.stringify(events)).not.toContain("mother");
    // Refused requests changed nothing and recorded nothing.
    expect(await labelEvents("ben")).toEqual([]);
  });

  it("labels in bulk only when every target may be labelled, and records one event per workspace", async () => {
    const targets = (...ids: string[]) => ({ targets: ids.map((recordingId) => ({ recordingId, regionId: null })), emotion: "happy" });
    const hidden = await body<{ error: string; code: string }>(await serveBulkLabel(labs.database, as("rita"), targets(labs.recordings.a1, labs.recordings.b1)), 404);
    expect(hidden).toEqual({ error: `There is no recording with id ${labs.recordings.b1}.`, code: "RECORDING_NOT_FOUND" });
    await body(await serveBulkLabel(labs.database, as("ben"), targets(labs.recordings.a1)), 403);
    expect((await labs.database.prisma.recording.findUniqueOrThrow({ where: { id: labs.recordings.a1 } })).humanEmotion).toBeNull();

    expect(await body(await serveBulkLabel(labs.database, as("rita"), targets(labs.recordings.a1, labs.recordings.a2)), 200)).toEqual({ edited: 2 });
    const [event] = await listAuditEvents(labs.database.prisma, { action: "label.bulk", limit: 5 });
    expect(event).toMatchObject({ actorName: "rita", workspaceId: labs.labs.A, details: { count: 2, emotion: "happy" } });
  });

  it("imports labels only into recordings the importer may label", async () => {
    const grid = [
      'File type = "ooTextFile"',
      'Object class = "TextGrid"',
      "",
      "xmin = 0",
      "xmax = 20",
      "tiers? <exists>",
      "size = 1",
      "item []:",
      "    item [1]:",
      '        class = "IntervalTier"',
      '        name = "human"',
      "        xmin = 0",
      "        xmax = 20",
      "        intervals: size = 2",
      "        intervals [1]:",
      "            xmin = 0",
      "            xmax = 4",
      '            text = "angry"',
      "        intervals [2]:",
      "            xmin = 4",
      "            xmax = 20",
      '            text = ""',
      "",
    ].join("\n");
    const file = (recordingId: string) => ({ fileName: "praat.TextGrid", content: grid, recordingId });
    const unknown = await body<{ error: string; code: string }>(await serveLabelImport(labs.database, file(randomUUID()), as("rita")), 404);
    const hidden = await body<{ error: string; code: string }>(await serveLabelImport(labs.database, file(labs.recordings.b1), as("rita")), 404);
    expect(hidden.code).toBe(unknown.code);
    await body(await serveLabelImport(labs.database, file(labs.recordings.a1), as("ana")), 403);
    // A file named after another lab's recording finds nothing, as for a recording that does not exist.
    await body(await serveLabelImport(labs.database, { fileName: "shared-b1.TextGrid", content: grid }, as("rita")), 404);
    expect(await body(await serveLabelImport(labs.database, file(labs.recordings.a1), as("rita")), 200)).toMatchObject({ format: "textgrid", recordings: 1, regions: 1 });
    const [event] = await listAuditEvents(labs.database.prisma, { action: "label.import", limit: 5 });
    expect(event).toMatchObject({ actorName: "rita", workspaceId: labs.labs.A, details: { count: 1, format: "textgrid" } });
  });

  it("serves audio before Next.js only to members, and refuses tampered paths", async () => {
    const get = (pathname: string, who: User | null) => fetch(`${origin}${pathname}`, { headers: labs.request(who).headers });
    const ok = await get(`/api/recordings/${labs.recordings.a1}/audio`, "ben");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-length")).toBe("4000");
    await ok.arrayBuffer();
    expect((await get(`/api/recordings/${labs.recordings.a1}/audio`, null)).status).toBe(401);
    const hiddenAnswer = await get(`/api/recordings/${labs.recordings.b1}/audio`, "ben");
    expect(hiddenAnswer.status).toBe(404);
    expect(await hiddenAnswer.json()).toEqual({ error: `There is no recording with id ${labs.recordings.b1}.`, code: "RECORDING_NOT_FOUND" });
    for (const tampered of [
      `/api/recordings/${labs.recordings.a1}%2F..%2F${labs.recordings.b1}/audio`,
      `/api/recordings/..%2F${labs.recordings.b1}/audio`,
      `/api/recordings/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd/audio`,
      `/api/recordings/${labs.recordings.b1.toUpperCase()}/audio`,
      `/api/recordings/${labs.recordings.b1.slice(0, -1)}/audio`,
      "/api/recordings/not-a-uuid/audio",
    ]) {
      const response = await get(tampered, "ben");
      expect(response.status, tampered).toBe(404);
      expect(((await response.json()) as { code: string }).code, tampered).toBe("RECORDING_NOT_FOUND");
    }
    // Dot segments resolve before routing: this names recording b1 of the other lab, and is refused like it.
    expect((await get(`/api/recordings/${labs.recordings.a1}/../${labs.recordings.b1}/audio`, "ben")).status).toBe(404);
    expect((await get(`/api/recordings/${labs.recordings.b1}/audio`, "cleo")).status).toBe(200);
  });
});
