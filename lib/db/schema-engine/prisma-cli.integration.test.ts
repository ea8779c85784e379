import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnvironment } from "../../config/env";
import { openConnection } from "../open-connection";
import { createTestDatasource, PROJECT_ROOT, testDatabaseMode, type TestDatasource } from "../testing/test-database";

/**
 * The Prisma CLI, run as a user would (`npx prisma …`), must work without
 * downloading an engine. Any download attempt is sent to a closed local port,
 * so it fails here even on a machine with internet access.
 */
const OFFLINE = {
  PRISMA_ENGINES_MIRROR: "http://127.0.0.1:9",
  PRISMA_SCHEMA_ENGINE_BINARY: undefined,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};

function datasourceEnvironment(place: TestDatasource): Record<string, string | undefined> {
  return place.datasource.mode === "postgresql"
    ? { DATABASE_URL: place.datasource.url, DATA_DIR: undefined }
    : { DATABASE_URL: undefined, DATA_DIR: place.datasource.dataDir };
}

function prisma(cwd: string, place: TestDatasource, ...args: string[]) {
  const result = spawnSync(path.join(cwd, "node_modules", ".bin", "prisma"), args, {
    cwd,
    env: childEnvironment({ ...OFFLINE, ...datasourceEnvironment(place) }),
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

async function tableNames(place: TestDatasource): Promise<string[]> {
  const connection = await openConnection(place.datasource, "check tables");
  try {
    const rows = await connection.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    return rows.map((row) => row.tablename);
  } finally {
    await connection.close();
  }
}

describe(`offline Prisma CLI on ${testDatabaseMode()}`, () => {
  let place: TestDatasource;

  beforeAll(async () => {
    place = await createTestDatasource();
  });
  afterAll(async () => {
    await place?.destroy();
  });

  it("reports pending migrations, deploys them, then reports the database up to date", async () => {
    const before = prisma(PROJECT_ROOT, place, "migrate", "status");
    expect(before.output).toContain("have not yet been applied");
    expect(before.status).not.toBe(0);

    const deploy = prisma(PROJECT_ROOT, place, "migrate", "deploy");
    expect(deploy.output).toContain("All migrations have been successfully applied");
    expect(deploy.status).toBe(0);
    expect(await tableNames(place)).toEqual(expect.arrayContaining(["Recording", "Label", "Job", "_prisma_migrations"]));

    const after = prisma(PROJECT_ROOT, place, "migrate", "status");
    expect(after.output).toContain("Database schema is up to date");
    expect(after.status).toBe(0);
  });

  it("finds nothing to do in `migrate dev` when the schema matches the migrations", () => {
    const migrationsBefore = readdirSync(path.join(PROJECT_ROOT, "prisma", "migrations"));
    const dev = prisma(PROJECT_ROOT, place, "migrate", "dev", "--name", "should_not_exist");
    expect(dev.output).toContain("Already in sync");
    expect(dev.status).toBe(0);
    expect(readdirSync(path.join(PROJECT_ROOT, "prisma", "migrations"))).toEqual(migrationsBefore);
  });
});

describe(`offline Prisma CLI on a changed schema (${testDatabaseMode()})`, () => {
  // A scratch copy of the project's Prisma setup, so a new migration and a
  // generated client land there and not in the repository.
  let project: string;
  let place: TestDatasource;

  beforeAll(async () => {
    project = mkdtempSync(path.join(tmpdir(), "resonance-prisma-cli-"));
    symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(project, "node_modules"));
    symlinkSync(path.join(PROJECT_ROOT, "lib"), path.join(project, "lib"));
    cpSync(path.join(PROJECT_ROOT, "prisma.config.ts"), path.join(project, "prisma.config.ts"));
    cpSync(path.join(PROJECT_ROOT, "package.json"), path.join(project, "package.json"));
    cpSync(path.join(PROJECT_ROOT, "prisma"), path.join(project, "prisma"), { recursive: true });
    const schemaPath = path.join(project, "prisma", "schema.prisma");
    const schema = readFileSync(schemaPath, "utf8").replace('output       = "../lib/db/generated"', 'output       = "../generated-client"');
    writeFileSync(schemaPath, `${schema}\nmodel CliProbe {\n  id   Int    @id @default(autoincrement())\n  note String\n}\n`);
    place = await createTestDatasource();
  });
  afterAll(async () => {
    await place?.destroy();
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it("creates and applies a new migration with `migrate dev`", async () => {
    const dev = prisma(project, place, "migrate", "dev", "--name", "add_cli_probe");
    expect(dev.status, dev.output).toBe(0);
    const created = readdirSync(path.join(project, "prisma", "migrations")).filter((name) => name.endsWith("_add_cli_probe"));
    expect(created).toHaveLength(1);
    const sql = readFileSync(path.join(project, "prisma", "migrations", created[0]!, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "CliProbe"');
    expect(await tableNames(place)).toEqual(expect.arrayContaining(["CliProbe", "Recording"]));
  });

  it("generates a client with `generate`", () => {
    const generate = prisma(project, place, "generate");
    expect(generate.status, generate.output).toBe(0);
    expect(existsSync(path.join(project, "generated-client", "client.ts"))).toBe(true);
    expect(readFileSync(path.join(project, "generated-client", "models", "CliProbe.ts"), "utf8")).toContain("CliProbe");
  });
});
