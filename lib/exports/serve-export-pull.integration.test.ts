import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_TOKEN_REQUIRED_MESSAGE } from "../auth/authenticate-request";
import { issueApiToken, revokeApiTokenById } from "../auth/api-token-service";
import { generateTokenSecret } from "../auth/token-secret";
import { createApiToken } from "../db/api-token.repository";
import { createTestDatabase, testDatabaseMode, type TestDatabase } from "../db/testing/test-database";
import { ensureLocalResearcher } from "../db/user.repository";
import { exportArchivePath, exportFolder } from "./export-paths";
import {
  type ExportDetailJson,
  type ExportListJson,
  type ExportPullContext,
  serveExportArchive,
  serveExportDetail,
  serveExportList,
} from "./serve-export-pull";

/**
 * The export pull API on a real database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL), with export rows as the export job leaves them and
 * their archives in a temporary DATA_DIR.
 */

let database: TestDatabase;
let dataDir: string;
let context: ExportPullContext;
let secret: string;
let archive: Buffer;
const ids = { older: randomUUID(), newer: randomUUID(), running: randomUUID(), hashed: randomUUID(), noArchive: randomUUID() };

const NOW = new Date("2026-05-01T12:00:00.000Z");
const counts = { train: { happy: 3, sad: 2 }, test: { happy: 1, sad: 1 } };
const files = [
  { path: "manifest.json", bytes: 120, sha256: "a".repeat(64) },
  { path: "audio/train/r1.wav", bytes: 32_044, sha256: "b".repeat(64) },
];

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), "resonance-export-pull-"));
  context = { database, dataDir, now: NOW };
  // Over a megabyte, so a whole download takes several of the file reader's chunks.
  archive = randomBytes(1_300_000);
  const exportRow = (id: string, name: string, createdAt: string, extra: object = {}) => ({
    id,
    name,
    definition: { format: "hf-audiofolder", splits: { train: 0.8, test: 0.2 } },
    status: "succeeded" as const,
    manifestHash: "m".repeat(64),
    counts,
    files,
    createdAt: new Date(createdAt),
    finishedAt: new Date(new Date(createdAt).getTime() + 5000),
    ...extra,
  });
  await database.prisma.export.createMany({
    data: [
      exportRow(ids.older, "Pilot study", "2026-04-01T10:00:00Z"),
      exportRow(ids.newer, "Valence / arousal (v2)", "2026-04-20T10:00:00Z"),
      exportRow(ids.running, "Still running", "2026-04-30T10:00:00Z", { status: "running", counts: undefined, files: undefined, manifestHash: null, finishedAt: null }),
      exportRow(ids.hashed, "Hashed", "2026-03-01T10:00:00Z", {
        files: [...files, { path: `${ids.hashed}.zip`, bytes: archive.length, sha256: createHash("sha256").update(archive).digest("hex") }],
      }),
      exportRow(ids.noArchive, "Lost archive", "2026-02-01T10:00:00Z"),
    ],
  });
  for (const id of [ids.older, ids.newer, ids.running, ids.hashed]) {
    mkdirSync(exportFolder(dataDir, id), { recursive: true });
    writeFileSync(exportArchivePath(dataDir, id), archive);
  }
  secret = (await issueApiToken(database, { name: "trainer" }, NOW)).secret;
});

afterAll(async () => {
  await database?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function request(headers: Record<string, string> = {}, method = "GET"): Request {
  return new Request("http://localhost/api/exports", { method, headers });
}

const withToken = (headers: Record<string, string> = {}, token = secret) => request({ Authorization: `Bearer ${token}`, ...headers });

async function bytesOf(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

async function expectUnauthorized(response: Response): Promise<string> {
  expect(response.status).toBe(401);
  expect(response.headers.get("WWW-Authenticate")).toBe("Bearer");
  const body = await response.text();
  expect(JSON.parse(body)).toEqual({ error: API_TOKEN_REQUIRED_MESSAGE });
  return body;
}

describe(`export pull API on ${testDatabaseMode()}: authentication`, () => {
  it("answers the same 401 for an unknown and an existing export without a token, for every route", async () => {
    const bodies = [
      await expectUnauthorized(await serveExportList(context, request())),
      await expectUnauthorized(await serveExportDetail(context, request(), ids.newer)),
      await expectUnauthorized(await serveExportDetail(context, request(), randomUUID())),
      await expectUnauthorized(await serveExportDetail(context, request(), "not-a-uuid")),
      await expectUnauthorized(await serveExportArchive(context, request(), ids.newer)),
      await expectUnauthorized(await serveExportArchive(context, request(), randomUUID())),
    ];
    expect(new Set(bodies).size).toBe(1);
  });

  it("answers the same 401 for a malformed, unknown, revoked or expired token", async () => {
    const revoked = await issueApiToken(database, { name: "revoked" }, NOW);
    await revokeApiTokenById(database, revoked.token.id, NOW);
    const expired = await issueApiToken(database, { name: "expired", expiresInDays: 1 }, new Date(NOW.getTime() - 2 * 86_400_000));
    const headers = [
      { Authorization: `Basic ${secret}` },
      { Authorization: "Bearer rsn_short" },
      { Authorization: `Bearer ${generateTokenSecret().secret}` },
      { Authorization: `Bearer ${revoked.secret}` },
      { Authorization: `Bearer ${expired.secret}` },
    ];
    for (const header of headers) {
      await expectUnauthorized(await serveExportDetail(context, request(header), ids.newer));
      await expectUnauthorized(await serveExportArchive(context, request(header), ids.newer));
    }
  });

  it("answers 403 to a valid token without exports:read, before saying whether the export exists", async () => {
    const { secret: unscoped, tokenHash } = generateTokenSecret();
    await createApiToken(database.prisma, { userId: (await ensureLocalResearcher(database.prisma)).id, name: "other scope", tokenHash, scopes: ["recordings:read"], expiresAt: null });
    for (const response of [
      await serveExportList(context, withToken({}, unscoped)),
      await serveExportDetail(context, withToken({}, unscoped), randomUUID()),
      await serveExportArchive(context, withToken({}, unscoped), ids.newer),
    ]) {
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: "This API token does not grant exports:read; create a token with that scope.", code: "TOKEN_SCOPE_MISSING" });
    }
  });

  it("records the token's use at most once a minute", async () => {
    const issued = await issueApiToken(database, { name: "counting" }, NOW);
    const lastUsed = async () => (await database.prisma.apiToken.findUniqueOrThrow({ where: { id: issued.token.id } })).lastUsedAt;
    const at = (seconds: number) => ({ ...context, now: new Date(NOW.getTime() + seconds * 1000) });
    expect((await serveExportList(at(0), withToken({}, issued.secret))).status).toBe(200);
    expect(await lastUsed()).toEqual(NOW);
    expect((await serveExportList(at(30), withToken({}, issued.secret))).status).toBe(200);
    expect(await lastUsed()).toEqual(NOW);
    expect((await serveExportList(at(61), withToken({}, issued.secret))).status).toBe(200);
    expect(await lastUsed()).toEqual(new Date(NOW.getTime() + 61_000));
  });
});

describe(`export pull API on ${testDatabaseMode()}: list and detail`, () => {
  it("lists succeeded exports only, newest first", async () => {
    const response = await serveExportList(context, withToken());
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const { exports } = (await response.json()) as ExportListJson;
    expect(exports.map((entry) => entry.id)).toEqual([ids.newer, ids.older, ids.hashed, ids.noArchive]);
    expect(exports[0]).toEqual({
      id: ids.newer,
      name: "Valence / arousal (v2)",
      createdAt: "2026-04-20T10:00:00.000Z",
      finishedAt: "2026-04-20T10:00:05.000Z",
      counts,
      manifestHash: "m".repeat(64),
    });
  });

  it("answers one export with its definition and files, and 404 after authentication for others", async () => {
    const response = await serveExportDetail(context, withToken(), ids.older.toUpperCase());
    expect(response.status).toBe(200);
    const body = (await response.json()) as ExportDetailJson;
    expect(body.export).toMatchObject({ id: ids.older, name: "Pilot study", counts, files, archiveUrl: `/api/exports/${ids.older}/archive` });
    expect(body.export.definition).toEqual({ format: "hf-audiofolder", splits: { train: 0.8, test: 0.2 } });
    for (const id of [ids.running, randomUUID()]) {
      const missing = await serveExportDetail(context, withToken(), id);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ error: `There is no finished export with id ${id}.`, code: "EXPORT_NOT_FOUND" });
    }
    expect(((await (await serveExportDetail(context, withToken(), "../x")).json()) as { error: string }).error).toContain("(malformed)");
  });
});

describe(`export pull API on ${testDatabaseMode()}: archive`, () => {
  it("streams the whole archive as a download with an entity tag", async () => {
    const response = await serveExportArchive(context, withToken(), ids.newer);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/zip");
    expect(response.headers.get("Accept-Ranges")).toBe("bytes");
    expect(response.headers.get("Content-Length")).toBe(String(archive.length));
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="Valence-arousal-v2-${ids.newer.slice(0, 8)}.zip"; filename*=UTF-8''Valence%20%2F%20arousal%20(v2)-${ids.newer.slice(0, 8)}.zip`,
    );
    const info = statSync(exportArchivePath(dataDir, ids.newer));
    expect(response.headers.get("ETag")).toBe(`"${ids.newer}-${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}"`);
    expect((await bytesOf(response)).equals(archive)).toBe(true);
  });

  it("uses the archive's SHA-256 as its entity tag when the file list has it", async () => {
    const response = await serveExportArchive(context, withToken(), ids.hashed);
    expect(response.headers.get("ETag")).toBe(`"${createHash("sha256").update(archive).digest("hex")}"`);
    await response.body?.cancel();
  });

  it("serves a byte range, a suffix range, and 416 past the end", async () => {
    const ranged = await serveExportArchive(context, withToken({ Range: "bytes=100-299" }), ids.newer);
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("Content-Range")).toBe(`bytes 100-299/${archive.length}`);
    expect((await bytesOf(ranged)).equals(archive.subarray(100, 300))).toBe(true);

    const suffix = await serveExportArchive(context, withToken({ Range: "bytes=-1000" }), ids.newer);
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get("Content-Range")).toBe(`bytes ${archive.length - 1000}-${archive.length - 1}/${archive.length}`);
    expect((await bytesOf(suffix)).equals(archive.subarray(archive.length - 1000))).toBe(true);

    const beyond = await serveExportArchive(context, withToken({ Range: `bytes=${archive.length}-` }), ids.newer);
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("Content-Range")).toBe(`bytes */${archive.length}`);
  });

  it("resumes an interrupted download into the same bytes, and sends everything when the copy is stale", async () => {
    const first = await serveExportArchive(context, withToken(), ids.newer);
    const etag = first.headers.get("ETag")!;
    const reader = first.body!.getReader();
    const received: Uint8Array[] = [];
    let length = 0;
    // Stop after two chunks, as a dropped connection would.
    while (received.length < 2) {
      const { value } = await reader.read();
      received.push(value!);
      length += value!.length;
    }
    await reader.cancel();
    expect(length).toBeLessThan(archive.length);

    const rest = await serveExportArchive(context, withToken({ Range: `bytes=${length}-`, "If-Range": etag }), ids.newer);
    expect(rest.status).toBe(206);
    expect(rest.headers.get("Content-Range")).toBe(`bytes ${length}-${archive.length - 1}/${archive.length}`);
    expect(Buffer.concat([...received, await bytesOf(rest)]).equals(archive)).toBe(true);

    const stale = await serveExportArchive(context, withToken({ Range: `bytes=${length}-`, "If-Range": '"something-else"' }), ids.newer);
    expect(stale.status).toBe(200);
    expect((await bytesOf(stale)).equals(archive)).toBe(true);
  });

  it("answers HEAD with the size and no body, and 404 when the export or its archive is missing", async () => {
    const head = await serveExportArchive(context, request({ Authorization: `Bearer ${secret}` }, "HEAD"), ids.newer);
    expect(head.status).toBe(200);
    expect(head.headers.get("Content-Length")).toBe(String(archive.length));
    expect(head.body).toBeNull();

    const running = await serveExportArchive(context, withToken(), ids.running);
    expect(running.status).toBe(404);
    expect(((await running.json()) as { code: string }).code).toBe("EXPORT_NOT_FOUND");

    const lost = await serveExportArchive(context, withToken(), ids.noArchive);
    expect(lost.status).toBe(404);
    expect(await lost.json()).toEqual({
      error: `The archive of export "Lost archive" (${ids.noArchive}) is missing from the data folder; run the export again.`,
      code: "EXPORT_ARCHIVE_MISSING",
    });
  });
});
