import { rmSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "./e2e/driver/chromium-launch";
import { DEMO_SERVER_URL } from "./e2e/driver/demo-server";
import { E2E_INPUTS_DIR } from "./e2e/driver/e2e-inputs";
import { TEAM_SERVER_URL } from "./e2e/driver/team-server";

// End-to-end tests drive the production build, served by `npm start` on its
// own port and data folder, in Debian's Chromium where it is installed
// (Playwright cannot download its browsers on our machines).
const PORT = 3210;
const DEMO_PORT = Number(new URL(DEMO_SERVER_URL).port);
const dataDir = path.join(import.meta.dirname, "test-results", "e2e-data");
const demoDataDir = path.join(import.meta.dirname, "test-results", "e2e-demo-data");
const teamDataDir = path.join(import.meta.dirname, "test-results", "e2e-team-data");
const isMainProcess = process.env.TEST_WORKER_INDEX === undefined;
if (isMainProcess) {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(demoDataDir, { recursive: true, force: true });
  rmSync(teamDataDir, { recursive: true, force: true });
}

const chromiumPath = chromiumExecutable();

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results/e2e-artifacts",
  forbidOnly: true,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // A laptop screen: the editor's waveform, lanes and labelling sidebar fit without scrolling.
    viewport: { width: 1440, height: 900 },
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [...CHROMIUM_ARGS],
    },
  },
  // Playwright starts these one after the other, so only the first may build.
  webServer: [
    {
      command: "npm start",
      url: `http://127.0.0.1:${PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 240_000,
      env: {
        PORT: String(PORT),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        DATABASE_URL: "",
        // The import spec reads datasets/fixtures and uploads one file over a small limit; the
        // analysis spec imports long audio it writes to E2E_INPUTS_DIR.
        IMPORT_ROOTS: [path.join(import.meta.dirname, "datasets"), E2E_INPUTS_DIR].join(path.delimiter),
        UPLOAD_MAX_BYTES: "1M",
        // The specs build their own corpora; the demo corpus would only slow them down.
        DEMO: "0",
        // Random-weight test models: two that run, four broken in different ways.
        MODELS_DIR: "models/testing",
        // The scatter's harness page (synthetic points) for e2e/scatter-harness.spec.ts.
        RESONANCE_BENCH_PAGES: "1",
      },
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // The demo corpus analysed with the default model, as a fresh clone shows it (recording editor,
      // labelling, palette specs). It serves the build the first server made: building again here
      // would replace .next under that server whenever a source changed during its build.
      command: "npx tsx e2e/driver/serve-built.ts",
      url: `${DEMO_SERVER_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        PORT: String(DEMO_PORT),
        HOST: "127.0.0.1",
        DATA_DIR: demoDataDir,
        DATABASE_URL: "",
        DEMO: "1",
      },
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // Accounts on (lab-team specs): the test accounts are created before it serves, and the Default
      // workspace blinds its annotators. It too serves the first server's build.
      command: "npx tsx e2e/driver/serve-team.ts",
      url: `${TEAM_SERVER_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        PORT: new URL(TEAM_SERVER_URL).port,
        HOST: "127.0.0.1",
        ACCOUNTS: "on",
        DATA_DIR: teamDataDir,
        DATABASE_URL: "",
        DEMO: "0",
        MODELS_DIR: "models/testing",
        IMPORT_ROOTS: path.join(import.meta.dirname, "datasets"),
      },
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
