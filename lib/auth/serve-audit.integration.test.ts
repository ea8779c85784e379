import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../db/account.repository";
import { createTestDatabase, type TestDatabase, testDatabaseMode } from "../db/testing/test-database";
import { CLIENT_ADDRESS_HEADER } from "./authorize";
import { hashPassword } from "./password-hash";
import { type AuditListJson, serveAuditLog } from "./serve-audit";
import { serveLogin } from "./serve-auth";

let database: TestDatabase;
const previousAccounts = process.env.ACCOUNTS;
const PASSWORD = "audit test passphrase";
const cookies = {} as Record<"admin" | "member", string>;

beforeAll(async () => {
  process.env.ACCOUNTS = "on";
  database = await createTestDatabase();
  const hash = await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 });
  await createAccount(database.prisma, { username: "root", displayName: "Root", passwordHash: hash, isAdmin: true });
  await createAccount(database.prisma, { username: "dora", displayName: "Dora", passwordHash: hash, isAdmin: false });
  for (const [key, username] of [["admin", "root"], ["member", "dora"]] as const) {
    const response = await serveLogin(database, new Request("http://127.0.0.1/api/auth/login", { headers: { [CLIENT_ADDRESS_HEADER]: "10.0.0.9" } }), { username, password: PASSWORD });
    cookies[key] = response.headers.get("set-cookie")!.split(";")[0]!;
  }
  await serveLogin(database, new Request("http://127.0.0.1/api/auth/login"), { username: "dora", password: "wrong wrong wrong" });
});

afterAll(async () => {
  if (previousAccounts === undefined) delete process.env.ACCOUNTS;
  else process.env.ACCOUNTS = previousAccounts;
  await database?.destroy();
});

const get = (query: string, cookie?: string) => serveAuditLog(database, new Request(`http://127.0.0.1/api/audit${query}`, { headers: cookie ? { cookie } : {} }));

describe(`GET /api/audit on ${testDatabaseMode()}`, () => {
  it("shows administrators the logins with who, when and from where, newest first", async () => {
    const response = await get("", cookies.admin);
    expect(response.status).toBe(200);
    const { events } = (await response.json()) as AuditListJson;
    expect(events.map((event) => `${event.action} ${event.actorName}`)).toEqual(["login.failed dora", "login dora", "login root"]);
    expect(events[1]).toMatchObject({ address: "10.0.0.9" });
    const failed = (await (await get("?action=login.failed", cookies.admin)).json()) as AuditListJson;
    expect(failed.events).toHaveLength(1);
    const byName = (await (await get("?actorName=dora", cookies.admin)).json()) as AuditListJson;
    expect(byName.events.map((event) => event.action)).toEqual(["login.failed", "login"]);
  });

  it("exports CSV, oldest first", async () => {
    const response = await get("?format=csv", cookies.admin);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe("at,actor_id,actor,action,target_type,target_id,workspace_id,address,details");
    expect(lines.slice(1).map((line) => line.split(",")[3])).toEqual(["login", "login", "login.failed"]);
  });

  it("is for administrators only", async () => {
    expect((await get("", cookies.member)).status).toBe(403);
    expect((await get("")).status).toBe(401);
    expect((await get("?action=drop-table", cookies.admin)).status).toBe(400);
  });
});
