import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiTokenError } from "../auth/api-token-error";
import { issueApiToken, listApiTokenViews, revokeApiTokenById } from "../auth/api-token-service";
import { generateTokenSecret, hashTokenSecret } from "../auth/token-secret";
import { createApiToken, findTokenOwner, findUsableApiToken, recordApiTokenUse, revokeApiToken } from "./api-token.repository";
import { createTestDatabase, testDatabaseMode, type TestDatabase } from "./testing/test-database";
import { ensureLocalResearcher } from "./user.repository";

/** API tokens on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL). */

let database: TestDatabase;
let localUserId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  localUserId = (await ensureLocalResearcher(database.prisma)).id;
});

afterAll(async () => {
  await database?.destroy();
});

const T0 = new Date("2026-05-01T12:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

async function newToken(options: { userId?: string; expiresAt?: Date | null; scopes?: string[] } = {}) {
  const { secret, tokenHash } = generateTokenSecret();
  const record = await createApiToken(database.prisma, {
    userId: options.userId ?? localUserId,
    name: `token ${randomUUID().slice(0, 8)}`,
    tokenHash,
    scopes: options.scopes ?? ["exports:read"],
    expiresAt: options.expiresAt ?? null,
  });
  return { secret, tokenHash, record };
}

async function rejection(promise: Promise<unknown>): Promise<ApiTokenError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiTokenError);
  return error as ApiTokenError;
}

describe(`API token repository on ${testDatabaseMode()}`, () => {
  it("stores the SHA-256 of the secret, never the secret, and finds the token by it", async () => {
    const { token, secret } = await issueApiToken(database, { name: "  training box  " }, T0);
    expect(token).toMatchObject({ name: "training box", username: "local", scopes: ["exports:read"], status: "active", lastUsedAt: null, expiresAt: null, revokedAt: null });
    const row = await database.prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toBe(hashTokenSecret(secret));
    expect(JSON.stringify(row)).not.toContain(secret.slice(4));
    expect(await findUsableApiToken(database.prisma, hashTokenSecret(secret), T0)).toMatchObject({ id: token.id, userId: localUserId, scopes: ["exports:read"] });
    expect(await findUsableApiToken(database.prisma, hashTokenSecret(`${secret}x`), T0)).toBeNull();
    const listed = await listApiTokenViews(database, T0);
    expect(listed.find((view) => view.id === token.id)).toEqual(token);
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it("sets the expiry from the lifetime and stops finding the token from that instant", async () => {
    const { token, secret } = await issueApiToken(database, { name: "short", expiresInDays: 1 }, T0);
    expect(token.expiresAt).toBe(at(86_400).toISOString());
    const hash = hashTokenSecret(secret);
    expect(await findUsableApiToken(database.prisma, hash, at(86_399))).not.toBeNull();
    expect(await findUsableApiToken(database.prisma, hash, at(86_400))).toBeNull();
    expect((await listApiTokenViews(database, at(86_400))).find((view) => view.id === token.id)?.status).toBe("expired");
  });

  it("revokes once: the token stops working and keeps its first revocation time", async () => {
    const { tokenHash, record } = await newToken();
    const revoked = await revokeApiToken(database.prisma, record.id, at(10));
    expect(revoked?.revokedAt).toEqual(at(10));
    expect(await findUsableApiToken(database.prisma, tokenHash, at(11))).toBeNull();
    expect((await revokeApiTokenById(database, record.id.toUpperCase(), at(20))).revokedAt).toBe(at(10).toISOString());
    expect(await revokeApiToken(database.prisma, randomUUID(), at(10))).toBeNull();
    expect((await rejection(revokeApiTokenById(database, randomUUID()))).code).toBe("TOKEN_NOT_FOUND");
    expect((await rejection(revokeApiTokenById(database, "../1"))).message).toBe("There is no API token with id (malformed).");
  });

  it("writes lastUsedAt at most once per interval, even when asked twice at the same moment", async () => {
    const { tokenHash, record } = await newToken();
    const lastUsed = async () => (await findUsableApiToken(database.prisma, tokenHash, T0))?.lastUsedAt;
    const [first, second] = await Promise.all([
      recordApiTokenUse(database.prisma, record.id, T0, 60_000),
      recordApiTokenUse(database.prisma, record.id, T0, 60_000),
    ]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(await lastUsed()).toEqual(T0);
    expect(await recordApiTokenUse(database.prisma, record.id, at(59.999), 60_000)).toBe(false);
    expect(await lastUsed()).toEqual(T0);
    expect(await recordApiTokenUse(database.prisma, record.id, at(60), 60_000)).toBe(true);
    expect(await lastUsed()).toEqual(at(60));
  });

  it("makes tokens for named users only, and a disabled user's tokens stop working", async () => {
    const user = await database.prisma.user.create({ data: { username: "ana", displayName: "Ana" }, select: { id: true } });
    expect(await findTokenOwner(database.prisma, "ana")).toEqual({ id: user.id, username: "ana", isAdmin: false, roles: new Map() });
    const { token, secret } = await issueApiToken(database, { name: "ana's", username: "ana" }, T0);
    expect(token.username).toBe("ana");
    await database.prisma.user.update({ where: { id: user.id }, data: { disabledAt: T0 } });
    expect(await findUsableApiToken(database.prisma, hashTokenSecret(secret), T0)).toBeNull();
    expect(await findTokenOwner(database.prisma, "ana")).toBeNull();
    const unknown = await rejection(issueApiToken(database, { name: "x", username: "nobody" }));
    expect(unknown.code).toBe("TOKEN_OWNER_NOT_FOUND");
    expect(unknown.message).toContain('There is no active user named "nobody"');
  });

  it("refuses an empty name, an unknown scope and a lifetime out of range, naming the field", async () => {
    const before = await database.prisma.apiToken.count();
    expect((await rejection(issueApiToken(database, { name: "   " }))).message).toBe("Invalid token. name: must not be empty");
    const scope = await rejection(issueApiToken(database, { name: "x", scopes: ["recordings:write" as "exports:read"] }));
    expect(scope.message).toBe("Invalid token. scopes.0: must be one of: exports:read");
    expect((await rejection(issueApiToken(database, { name: "x", expiresInDays: 0 }))).message).toBe("Invalid token. expiresInDays: must be at least 1");
    expect((await rejection(issueApiToken(database, { name: "x", expiresInDays: 1.5 }))).code).toBe("TOKEN_INVALID");
    expect((await rejection(issueApiToken(database, { name: "two\nlines" }))).message).toBe("Invalid token. name: must not contain line breaks or other control characters");
    expect(await database.prisma.apiToken.count()).toBe(before);
  });
});
