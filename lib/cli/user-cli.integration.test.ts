import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "../db/audit.repository";
import { openDatabase } from "../db/database";
import { createTestDatasource, PROJECT_ROOT, type TestDatasource } from "../db/testing/test-database";
import { applyPendingMigrations } from "../db/apply-migrations";
import { projectMigrationPaths } from "../db/migrations";
import { verifyPassword } from "../auth/password-hash";

/**
 * `npm run user` as an administrator runs it, on either database: the first
 * administrator, a workspace and a role, a password change and disabling,
 * with the password read from standard input and never printed or audited.
 */

const TSX = path.join(PROJECT_ROOT, "node_modules", "tsx", "dist", "esm", "index.mjs");
const PASSWORD = "a long enough passphrase 42";
let place: TestDatasource;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  place = await createTestDatasource();
  const database = await openDatabase(place.datasource, "user CLI test");
  await applyPendingMigrations(database.connection, projectMigrationPaths(PROJECT_ROOT));
  await database.close();
  env =
    place.datasource.mode === "embedded"
      ? { ...process.env, DATA_DIR: place.datasource.dataDir, DATABASE_URL: "" }
      : { ...process.env, DATABASE_URL: place.datasource.url };
}, 60_000);

afterAll(async () => {
  await place?.destroy();
});

function user(args: readonly string[], input = "") {
  return spawnSync(process.execPath, ["--import", TSX, path.join(PROJECT_ROOT, "lib/cli/user.ts"), ...args], { cwd: PROJECT_ROOT, env, input, encoding: "utf8", timeout: 120_000 });
}

async function withDatabase<T>(read: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const database = await openDatabase(place.datasource, "user CLI check");
  try {
    return await read(database);
  } finally {
    await database.close();
  }
}

describe("npm run user", () => {
  it("creates the first administrator with a password from standard input, hashed and never shown", async () => {
    const created = user(["create", "ana", "--admin", "--display-name", "Ana Martins"], `${PASSWORD}\n`);
    expect(created.stderr + created.stdout).toContain("Created administrator ana.");
    expect(created.status).toBe(0);
    expect(created.stdout + created.stderr).not.toContain(PASSWORD);
    await withDatabase(async (database) => {
      const row = await database.prisma.user.findUniqueOrThrow({ where: { username: "ana" } });
      expect(row).toMatchObject({ isAdmin: true, displayName: "Ana Martins" });
      expect(await verifyPassword(PASSWORD, row.passwordHash!)).toBe(true);
      const events = await listAuditEvents(database.prisma, { limit: 10 });
      expect(events.map((event) => event.action)).toEqual(["user.create"]);
      expect(JSON.stringify(events)).not.toContain(PASSWORD);
    });
  }, 120_000);

  it("refuses a short password and a duplicate account, changing nothing", async () => {
    const short = user(["create", "ben"], "short\n");
    expect(short.status).not.toBe(0);
    expect(short.stderr).toContain("A password must be at least 12 characters long.");
    const duplicate = user(["create", "ana"], `${PASSWORD}\n`);
    expect(duplicate.status).not.toBe(0);
    expect(duplicate.stderr).toContain('An account "ana" exists already.');
    expect(await withDatabase((database) => database.prisma.user.count({ where: { username: "ben" } }))).toBe(0);
  }, 120_000);

  it("creates a workspace, gives a role, and names a missing workspace", async () => {
    expect(user(["create", "ben"], `${PASSWORD}\n`).status).toBe(0);
    expect(user(["workspace", "Lab", "A"]).status).toBe(0);
    const missing = user(["role", "ben", "--workspace", "Lab B", "--role", "viewer"]);
    expect(missing.stderr).toContain('There is no workspace "Lab B"');
    const role = user(["role", "ben", "--workspace", "Lab A", "--role", "annotator"]);
    expect(role.stdout).toContain('ben is now annotator in "Lab A".');
    await withDatabase(async (database) => {
      const membership = await database.prisma.workspaceMember.findFirstOrThrow({ where: { user: { username: "ben" } }, select: { role: true, workspace: { select: { name: true } } } });
      expect(membership).toEqual({ role: "annotator", workspace: { name: "Lab A" } });
    });
  }, 120_000);

  it("takes an account out of a workspace, but never its last admin", async () => {
    expect(user(["role", "ben", "--workspace", "Lab A", "--remove"]).stdout).toContain('ben is no longer a member of "Lab A".');
    expect(user(["role", "ben", "--workspace", "Lab A", "--remove"]).stderr).toContain('ben is not a member of "Lab A".');
    expect(user(["role", "ana", "--workspace", "Lab A", "--role", "admin"]).status).toBe(0);
    expect(user(["role", "ana", "--workspace", "Lab A", "--remove"]).stderr).toContain('ana is the last admin of "Lab A"');
    await withDatabase(async (database) => {
      expect(await database.prisma.workspaceMember.count({ where: { workspace: { name: "Lab A" } } })).toBe(1);
      const [removed] = await listAuditEvents(database.prisma, { action: "role.remove", limit: 1 });
      expect(removed).toMatchObject({ actorName: "cli", details: { username: "ben" } });
    });
  }, 120_000);

  it("blinds a workspace and moves a corpus into it, on record", async () => {
    expect(user(["workspace", "Lab", "A"]).stderr).toContain('A workspace "Lab A" exists already; give --blind or --unblind');
    expect(user(["workspace", "Lab", "A", "--blind"]).stdout).toContain('Updated workspace "Lab A" (blinded).');
    expect(user(["move", "Nowhere", "--workspace", "Lab A"]).stderr).toContain('There is no corpus "Nowhere".');
    await withDatabase((database) => database.prisma.corpus.create({ data: { name: "Clinic 2024" } }));
    expect(user(["move", "Clinic 2024", "--workspace", "Lab A"]).stdout).toContain('Moved corpus "Clinic 2024" to workspace "Lab A".');
    await withDatabase(async (database) => {
      const corpus = await database.prisma.corpus.findUniqueOrThrow({ where: { name: "Clinic 2024" }, select: { workspace: { select: { name: true, blindAnnotators: true } } } });
      expect(corpus.workspace).toEqual({ name: "Lab A", blindAnnotators: true });
      const events = await listAuditEvents(database.prisma, { limit: 2 });
      expect(events.map((event) => event.action)).toEqual(["corpus.move", "workspace.update"]);
    });
  }, 120_000);

  it("disables an account, ending its sessions, and lists accounts", async () => {
    await withDatabase(async (database) => {
      const ben = await database.prisma.user.findUniqueOrThrow({ where: { username: "ben" } });
      await database.prisma.session.create({ data: { userId: ben.id, tokenHash: "f".repeat(64), expiresAt: new Date(Date.now() + 3600_000) } });
    });
    expect(user(["disable", "ben"]).status).toBe(0);
    await withDatabase(async (database) => {
      const session = await database.prisma.session.findUniqueOrThrow({ where: { tokenHash: "f".repeat(64) } });
      expect(session.revokedAt).not.toBeNull();
    });
    const listed = user(["list"]);
    expect(listed.stdout).toMatch(/ana\s+administrator\s+active/);
    expect(listed.stdout).toMatch(/ben\s+member\s+disabled/);
  }, 120_000);
});
