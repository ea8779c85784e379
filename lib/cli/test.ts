// `npm test`: typecheck, lint, unit tests, integration tests on the embedded
// database and (when TEST_DATABASE_URL is set) on PostgreSQL, then end-to-end
// tests against the production build in Chromium. Every step runs even if an
// earlier one failed; the last line is the count CI reads.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { TEAM_PASSWORD } from "../../e2e/driver/team-server";
import { childEnvironment, readTestEnvironment } from "../config/env";
import { redactUrl } from "../db/datasource";
import { patientCodesOfManifest, scanLog } from "../testing/log-scan";
import { ensurePrismaClient, ensureProductionBuild } from "./prepare-build";

const projectRoot = process.cwd();
const resultsDir = path.join(projectRoot, "test-results");

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface StepOutcome {
  name: string;
  ok: boolean;
  counts?: Counts;
  note?: string;
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv = childEnvironment({})): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(path.join(projectRoot, "node_modules", ".bin", tool), args, { cwd: projectRoot, stdio: "inherit", env });
    child.on("error", () => resolve(127));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

function vitestCounts(file: string): Counts | undefined {
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightCounts(file: string): Counts | undefined {
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; skipped: number; flaky: number };
  };
  const { stats } = report;
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

async function vitestStep(name: string, project: string, env: NodeJS.ProcessEnv): Promise<StepOutcome> {
  const output = path.join(resultsDir, `${name.replaceAll(/[^a-z0-9]+/gi, "-")}.json`);
  rmSync(output, { force: true });
  const code = await run("vitest", ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${output}`], env);
  const counts = vitestCounts(output);
  return { name, ok: code === 0 && counts !== undefined, counts };
}

/**
 * Every server the end-to-end tests started wrote DATA_DIR/logs/server.log
 * under test-results; none may hold a patient code of the corpora they
 * served (the demo's manifest) or a credential, the accounts server's
 * test password among them. Leaks are reported by file,
 * line and kind, never by the leaked text.
 */
function scanServerLogs(): StepOutcome {
  const logs = existsSync(resultsDir)
    ? readdirSync(resultsDir)
        .map((entry) => path.join(resultsDir, entry, "logs", "server.log"))
        .filter((file) => existsSync(file))
    : [];
  if (logs.length === 0) return { name: "log scan", ok: false, note: "no server log was written (did the end-to-end tests start their servers?)" };
  const patientCodes = patientCodesOfManifest(readFileSync(path.join(projectRoot, "datasets", "demo", "manifest.csv"), "utf8"));
  let leaking = 0;
  for (const file of logs) {
    const leaks = scanLog(readFileSync(file, "utf8"), { patientCodes, secrets: [TEAM_PASSWORD] });
    if (leaks.length === 0) continue;
    leaking++;
    for (const leak of leaks.slice(0, 20)) console.log(`${path.relative(projectRoot, file)}:${leak.line}: ${leak.kind}`);
  }
  console.log(`${logs.length} server logs scanned, ${leaking} with leaks.`);
  return { name: "log scan", ok: leaking === 0, counts: { passed: logs.length - leaking, failed: leaking, skipped: 0 } };
}

async function main(): Promise<number> {
  mkdirSync(resultsDir, { recursive: true });
  await ensurePrismaClient(projectRoot);
  const outcomes: StepOutcome[] = [];
  const section = (title: string) => console.log(`\n━━ ${title} ━━`);

  section("Typecheck");
  outcomes.push({ name: "typecheck", ok: (await run("tsc", ["--noEmit"])) === 0 });

  section("Lint");
  outcomes.push({ name: "lint", ok: (await run("eslint", ["--max-warnings=0", "."])) === 0 });

  section("Unit tests");
  outcomes.push(await vitestStep("unit", "unit", childEnvironment({})));

  section("Integration tests on the embedded database (PGlite)");
  outcomes.push(await vitestStep("integration embedded", "integration", childEnvironment({ TEST_DATABASE_URL: undefined })));

  const serverUrl = readTestEnvironment().TEST_DATABASE_URL;
  section("Integration tests on PostgreSQL");
  if (serverUrl) {
    console.log(`Using ${redactUrl(serverUrl)}`);
    outcomes.push(await vitestStep("integration postgresql", "integration", childEnvironment({})));
  } else {
    console.log("Skipped: TEST_DATABASE_URL is not set (.ci/run starts a local PostgreSQL and sets it).");
    outcomes.push({ name: "integration postgresql", ok: true, note: "skipped: no TEST_DATABASE_URL" });
  }

  section("End-to-end tests (production build, Chromium)");
  let built = true;
  try {
    await ensureProductionBuild(projectRoot, (line) => console.log(line));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    built = false;
  }
  if (built) {
    const output = path.join(resultsDir, "e2e.json");
    rmSync(output, { force: true });
    // playwright.config.ts writes its JSON report here.
    const code = await run("playwright", ["test"]);
    const counts = playwrightCounts(output);
    outcomes.push({ name: "e2e", ok: code === 0 && counts !== undefined, counts });
  } else {
    outcomes.push({ name: "e2e", ok: false, note: "production build failed" });
  }

  section("Logs of the servers the tests started: no patient codes, no secrets");
  outcomes.push(scanServerLogs());

  section("Summary");
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const outcome of outcomes) {
    const counts = outcome.counts;
    if (counts) {
      total.passed += counts.passed;
      total.failed += counts.failed;
      total.skipped += counts.skipped;
    }
    const detail = counts ? `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped` : (outcome.note ?? "");
    console.log(`${outcome.ok ? "ok  " : "FAIL"} ${outcome.name.padEnd(24)} ${detail}`);
  }
  const allOk = outcomes.every((outcome) => outcome.ok);
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return allOk && total.failed === 0 ? 0 : 1;
}

process.exitCode = await main();
