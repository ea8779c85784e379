import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

/**
 * The production server for browser benchmarks: `npm start`'s entry point
 * (it builds first when the build is missing or stale) on its own port and
 * data folder, stopped with the benchmark.
 */
export interface BenchServer {
  url: string;
  stop(): Promise<void>;
}

const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");
const TSX = path.join(PROJECT_ROOT, "node_modules", "tsx", "dist", "esm", "index.mjs");

export async function startBenchServer(options: {
  dataDir: string;
  port: number;
  importRoots: readonly string[];
  /** More variables for the server, e.g. RESONANCE_BENCH_PAGES for the scatter's harness page. */
  extraEnv?: Readonly<Record<string, string>>;
}): Promise<BenchServer> {
  const child = spawn(process.execPath, ["--import", TSX, path.join(PROJECT_ROOT, "lib", "cli", "start.ts")], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATA_DIR: options.dataDir,
      PORT: String(options.port),
      HOST: "127.0.0.1",
      DATABASE_URL: "",
      DEMO: "0",
      IMPORT_ROOTS: options.importRoots.join(path.delimiter),
      ...options.extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the benchmark server exited (${child.exitCode}):\n${log}`);
    const healthy = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the benchmark server did not answer within 10 minutes:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { url, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

interface JobView {
  id: string;
  status: string;
  error?: unknown;
}

/** POSTs a job request and waits until the job has finished; throws unless it succeeded. */
export async function runJob(url: string, route: string, body: unknown, timeoutMs = 600_000): Promise<JobView> {
  const response = await fetch(`${url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (response.status !== 202) throw new Error(`${route} answered ${response.status}: ${await response.text()}`);
  const job = (await response.json()) as JobView;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = (await (await fetch(`${url}/api/jobs/${job.id}`)).json()) as JobView;
    if (view.status === "succeeded") return view;
    if (view.status === "failed" || view.status === "cancelled") throw new Error(`job ${job.id} ${view.status}: ${JSON.stringify(view.error)}`);
    if (Date.now() > deadline) throw new Error(`job ${job.id} did not finish in time`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
