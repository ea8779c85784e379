import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createWorkspace, setWorkspaceRole } from "../db/account.repository";
import { listAuditEvents } from "../db/audit.repository";
import { createTestDatabase, type TestDatabase, testDatabaseMode } from "../db/testing/test-database";
import { authorize, CLIENT_ADDRESS_HEADER } from "./authorize";
import { hashPassword } from "./password-hash";
import { serveLogin, serveLogout, serveMe } from "./serve-auth";
import { SESSION_COOKIE_NAME } from "./session-cookie";

/**
 * Accounts on a real database with ACCOUNTS=on: login and its refusals,
 * session fixation, expiry, logout, the rate limit, and authorization by
 * workspace role.
 */

let database: TestDatabase;
const previousAccounts = process.env.ACCOUNTS;
const PASSWORD = "correct horse battery staple";
const ids = {} as Record<"ana" | "ben" | "cleo" | "labA" | "labB", string>;

beforeAll(async () => {
  process.env.ACCOUNTS = "on";
  database = await createTestDatabase();
  const hash = await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 });
  const ana = await createAccount(database.prisma, { username: "ana", displayName: "Ana", passwordHash: hash, isAdmin: false });
  const ben = await createAccount(database.prisma, { username: "ben", displayName: "Ben", passwordHash: hash, isAdmin: false });
  const cleo = await createAccount(database.prisma, { username: "cleo", displayName: "Cleo", passwordHash: hash, isAdmin: false });
  const labA = await createWorkspace(database.prisma, "Lab A");
  const labB = await createWorkspace(database.prisma, "Lab B");
  await setWorkspaceRole(database.prisma, labA.id, ana.id, "annotator");
  await setWorkspaceRole(database.prisma, labA.id, ben.id, "viewer");
  await setWorkspaceRole(database.prisma, labB.id, cleo.id, "admin");
  Object.assign(ids, { ana: ana.id, ben: ben.id, cleo: cleo.id, labA: labA.id, labB: labB.id });
});

afterAll(async () => {
  if (previousAccounts === undefined) delete process.env.ACCOUNTS;
  else process.env.ACCOUNTS = previousAccounts;
  await database?.destroy();
});

const request = (cookie?: string, address = "10.1.2.3") =>
  new Request("http://127.0.0.1:3000/api/auth/me", { headers: { ...(cookie ? { cookie } : {}), [CLIENT_ADDRESS_HEADER]: address } });

async function logInAs(username: string, password = PASSWORD, address = "10.1.2.3"): Promise<{ status: number; cookie: string | null; body: { error?: string } }> {
  const response = await serveLogin(database, request(undefined, address), { username, password });
  const setCookie = response.headers.get("set-cookie");
  return { status: response.status, cookie: setCookie ? setCookie.split(";")[0]! : null, body: (await response.json()) as { error?: string } };
}

describe(`accounts on ${testDatabaseMode()}`, () => {
  it("logs in with a session cookie that scripts cannot read, and knows who is asking", async () => {
    const response = await serveLogin(database, request(), { username: "ana", password: PASSWORD });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get("set-cookie")!;
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE_NAME}=[A-Za-z0-9_-]{43}; `));
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    const me = await serveMe(database, request(setCookie.split(";")[0]));
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ accounts: true, user: { username: "ana", roles: { [ids.labA]: "annotator" } } });
    const sessions = await database.prisma.session.findMany({ where: { userId: ids.ana } });
    expect(sessions[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(sessions.some((session) => setCookie.includes(session.tokenHash))).toBe(false);
  });

  it("answers a wrong password and an unknown user alike, and records both", async () => {
    const wrong = await logInAs("ben", "not the password at all");
    const unknown = await logInAs("nobody-here", "not the password at all");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error).toBe(unknown.body.error);
    expect(wrong.cookie).toBeNull();
    const failed = await listAuditEvents(database.prisma, { action: "login.failed", limit: 10 });
    expect(failed.map((event) => event.details.reason)).toEqual(expect.arrayContaining(["wrong-password", "unknown-user"]));
    expect(JSON.stringify(failed)).not.toContain("not the password");
  });

  it("never accepts a token chosen before login (session fixation), and issues a new one at each login", async () => {
    const planted = `${SESSION_COOKIE_NAME}=${"A".repeat(43)}`;
    expect((await serveMe(database, request(planted))).status).toBe(401);
    const first = await logInAs("ben");
    const second = await logInAs("ben");
    expect(first.cookie).not.toBe(second.cookie);
    expect((await serveMe(database, request(first.cookie!))).status).toBe(200);
  });

  it("refuses an expired or idle session and one of a disabled account", async () => {
    const { cookie } = await logInAs("cleo");
    await database.prisma.session.updateMany({ where: { userId: ids.cleo }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await serveMe(database, request(cookie!))).status).toBe(401);
    const again = await logInAs("cleo");
    await database.prisma.session.updateMany({ where: { userId: ids.cleo }, data: { lastSeenAt: new Date(Date.now() - 3 * 3600_000) } });
    expect((await serveMe(database, request(again.cookie!))).status).toBe(401);
    const third = await logInAs("cleo");
    await database.prisma.user.update({ where: { id: ids.cleo }, data: { disabledAt: new Date() } });
    expect((await serveMe(database, request(third.cookie!))).status).toBe(401);
    expect((await logInAs("cleo")).status).toBe(401);
    await database.prisma.user.update({ where: { id: ids.cleo }, data: { disabledAt: null } });
  });

  it("logs out: the session is revoked and the cookie cleared", async () => {
    const { cookie } = await logInAs("ana");
    const response = await serveLogout(database, new Request("http://127.0.0.1:3000/api/auth/logout", { method: "POST", headers: { cookie: cookie! } }));
    expect(response.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect((await serveMe(database, request(cookie!))).status).toBe(401);
  });

  it("rate-limits repeated failures for a username with 429 and Retry-After", async () => {
    let last: Response | undefined;
    for (let attempt = 0; attempt < 6; attempt++) {
      last = await serveLogin(database, request(undefined, "10.9.9.9"), { username: "ben", password: "wrong password number x" });
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("authorizes by workspace role: a viewer cannot label, an annotator cannot export, a non-member sees nothing", async () => {
    const anaCookie = (await logInAs("ana", PASSWORD, "10.5.5.5")).cookie!;
    const cleoCookie = (await logInAs("cleo", PASSWORD, "10.5.5.6")).cookie!;
    const scopeA = { workspaceId: ids.labA, notFound: "Recording r1 does not exist." };
    const annotate = await authorize(database, request(anaCookie), "annotate", scopeA);
    expect(annotate.ok).toBe(true);
    const exporting = await authorize(database, request(anaCookie), "export", scopeA);
    expect(exporting.ok).toBe(false);
    if (!exporting.ok) {
      expect(exporting.response.status).toBe(403);
      expect(((await exporting.response.json()) as { error: string }).error).toBe("Your role (annotator) in this workspace does not allow you to export data.");
    }
    const outsider = await authorize(database, request(cleoCookie), "read", scopeA);
    expect(outsider.ok || outsider.response.status).toBe(404);
    const anonymous = await authorize(database, request(), "read", scopeA);
    expect(anonymous.ok || anonymous.response.status).toBe(401);
  });
});
