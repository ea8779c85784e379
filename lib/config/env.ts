import { homedir } from "node:os";
import path from "node:path";
import { z } from "zod";

/**
 * The one place that reads `process.env`. Every variable the project reads is
 * declared here with its default and meaning; the README's configuration table
 * is checked against this list by `env.test.ts`.
 */

export interface EnvironmentVariableDoc {
  name: string;
  default: string;
  meaning: string;
}

export const ENVIRONMENT_VARIABLES: readonly EnvironmentVariableDoc[] = [
  {
    name: "DATABASE_URL",
    default: "(unset)",
    meaning:
      "`postgresql://user:password@host:port/db` to use a PostgreSQL server. Unset: the embedded PGlite database under `DATA_DIR`.",
  },
  {
    name: "DATA_DIR",
    default: "`.data`",
    meaning:
      "Folder for the embedded database and stored audio. Relative paths are resolved against the working directory (the project folder under `npm start`).",
  },
  {
    name: "HOST",
    default: "`127.0.0.1`",
    meaning: "Address the server listens on. Anything but loopback (127.0.0.1, ::1, localhost) is refused at start while accounts are not enabled: clinical audio is sensitive.",
  },
  { name: "PORT", default: "`3000`", meaning: "Port the server listens on." },
  {
    name: "ACCOUNTS",
    default: "`off`",
    meaning:
      "`on`: every page and API call needs a logged-in account (create the first with `npm run user -- create --admin`), roles apply per workspace, and `HOST` may be a non-loopback address. `off`: one local researcher, no login, loopback only.",
  },
  {
    name: "JOB_HEARTBEAT_TIMEOUT_SECONDS",
    default: "`60`",
    meaning: "A running job whose worker has not sent a heartbeat for this long is taken back and retried by another worker.",
  },
  {
    name: "IMPORT_ROOTS",
    default: "your home folder and the project's `datasets/`",
    meaning:
      "Folders that folder imports may read, separated by `:` (`;` on Windows). Paths outside them, `..` escapes and symlinks that lead out are refused.",
  },
  {
    name: "UPLOAD_MAX_BYTES",
    default: "`2G`",
    meaning: "Largest file a browser upload may send, in bytes or with a `K`, `M` or `G` suffix (powers of 1024).",
  },
  {
    name: "DEMO",
    default: "`1`",
    meaning:
      "`1`: the first start on an empty database imports `datasets/demo` and analyses it with the default model. `0`: start empty.",
  },
  {
    name: "MODELS_DIR",
    default: "`models`",
    meaning: "Folder of model folders (`<folder>/manifest.json`, `model.onnx`, `MODEL_CARD.md`). Relative paths are resolved against the project folder.",
  },
  {
    name: "INFERENCE_DEVICE",
    default: "`auto`",
    meaning:
      "`auto` tries CUDA and falls back to the CPU when the CUDA provider cannot load (the reason is logged once and shown in `/api/health`); `cpu` never tries CUDA; `cuda` fails instead of falling back.",
  },
  {
    name: "INFERENCE_THREADS",
    default: "cores − 1 (at least 1)",
    meaning: "Threads one ONNX session uses within an operator. The default leaves a core for the server, so the workbench stays responsive while a job runs.",
  },
  {
    name: "WORKER_KINDS",
    default: "`analyse`",
    meaning:
      "`npm run worker` only: the job kinds it claims, separated by commas: `analyse`, and also `project`, `project-place`, `cluster` or `export` if wanted. `import` is refused: it reads folders on the server's machine.",
  },
  {
    name: "PRISMA_SCHEMA_ENGINE_BINARY",
    default: "(project's WASM engine)",
    meaning:
      "Schema engine the Prisma CLI runs. Unset: the project's `prisma/bin/schema-engine`, which serves Prisma's WASM engine offline. Set it to use a native engine against PostgreSQL.",
  },
  {
    name: "INIT_CWD",
    default: "(set by npm)",
    meaning: "The folder `npm run` was started from. `npm run import` resolves relative paths against it rather than the project folder.",
  },
  {
    name: "TEST_DATABASE_URL",
    default: "(unset)",
    meaning:
      "Tests only: a PostgreSQL server URL whose user may create databases. When set (`.ci/run` sets it), the integration tests also run on PostgreSQL, each in a database of its own.",
  },
  {
    name: "CHROMIUM_PATH",
    default: "`/usr/bin/chromium` if present",
    meaning: "Tests only: the Chromium binary the end-to-end tests drive. Unset and absent: Playwright's own browser.",
  },
  {
    name: "RESONANCE_BENCH_PAGES",
    default: "(unset)",
    meaning:
      "Tests and benchmarks only: `1` serves `/bench/scatter`, a page that draws synthetic points (no recordings or patients) for the scatter's end-to-end test and frame-rate benchmark. Unset: that page answers 404.",
  },
  {
    name: "BENCH_TEAM_SECONDS",
    default: "`60`",
    meaning: "Benchmarks only: how long the `team` benchmark's 20 annotators label, in seconds (at most 3600). Shorter for a smoke run; the 150 ms p95 target is judged on 60 s.",
  },
];

const port = z.coerce.number().int().min(1).max(65535);

const BYTE_SUFFIXES: Record<string, number> = { "": 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

const byteSize = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?\s*[KMG]?B?$/i, { message: "must be a size like 2147483648, 500M or 2G" })
    .transform((value) => {
      const match = /^(\d+(?:\.\d+)?)\s*([KMG]?)/i.exec(value)!;
      return Math.floor(Number(match[1]) * BYTE_SUFFIXES[match[2]!.toUpperCase()]!);
    }),
]).pipe(z.number().int().positive());

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), {
    message: "must start with postgresql:// (or postgres://)",
  });

const serverEnvironmentSchema = z.object({
  DATABASE_URL: z.preprocess(emptyToUndefined, postgresUrl.optional()),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default(".data")),
  HOST: z.preprocess(emptyToUndefined, z.string().default("127.0.0.1")),
  ACCOUNTS: z.preprocess(emptyToUndefined, z.enum(["on", "off"], { message: "must be on or off" }).default("off")),
  PORT: z.preprocess(emptyToUndefined, port.default(3000)),
  JOB_HEARTBEAT_TIMEOUT_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().positive().default(60)),
  IMPORT_ROOTS: z.preprocess(emptyToUndefined, z.string().optional()),
  UPLOAD_MAX_BYTES: z.preprocess(emptyToUndefined, byteSize.default(2 * 1024 ** 3)),
  MODELS_DIR: z.preprocess(emptyToUndefined, z.string().default("models")),
  DEMO: z.preprocess(emptyToUndefined, z.enum(["0", "1"], { message: "must be 0 or 1" }).default("1")),
  INFERENCE_DEVICE: z.preprocess(emptyToUndefined, z.enum(["auto", "cpu", "cuda"]).default("auto")),
  INFERENCE_THREADS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(256).optional()),
});

export type ServerEnvironment = z.infer<typeof serverEnvironmentSchema>;

const workerEnvironmentSchema = z.object({
  WORKER_KINDS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default("analyse")
      .transform((value) => value.split(",").map((kind) => kind.trim()).filter((kind) => kind.length > 0))
      .pipe(z.array(z.string()).min(1, { message: "name at least one job kind, e.g. analyse" })),
  ),
});

/** What `npm run worker` reads on top of the server's variables; which kinds it may run is the worker's to check. */
export type WorkerEnvironment = z.infer<typeof workerEnvironmentSchema>;

const testEnvironmentSchema = z.object({
  TEST_DATABASE_URL: z.preprocess(emptyToUndefined, postgresUrl.optional()),
  CHROMIUM_PATH: z.preprocess(emptyToUndefined, z.string().optional()),
});

export type TestEnvironment = z.infer<typeof testEnvironmentSchema>;

// Apart from the test variables, so a bad value stops only the benchmark that reads it.
const benchEnvironmentSchema = z.object({
  BENCH_TEAM_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().positive().max(3600).default(60)),
});

export type BenchEnvironment = z.infer<typeof benchEnvironmentSchema>;

/** Thrown when an environment variable has a value the server cannot use. */
export class ConfigurationError extends Error {
  override readonly name = "ConfigurationError";
  readonly code = "CONFIGURATION_INVALID";
}

type RawEnvironment = Record<string, string | undefined>;

function emptyToUndefined(value: unknown): unknown {
  return value === "" ? undefined : value;
}

function parseWith<T>(schema: z.ZodType<T>, raw: RawEnvironment): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigurationError(`Invalid environment configuration. ${problems.join("; ")}`);
}

export function parseServerEnvironment(raw: RawEnvironment): ServerEnvironment {
  return parseWith(serverEnvironmentSchema, raw);
}

export function readServerEnvironment(): ServerEnvironment {
  return parseServerEnvironment(process.env);
}

export function parseWorkerEnvironment(raw: RawEnvironment): WorkerEnvironment {
  return parseWith(workerEnvironmentSchema, raw);
}

export function readWorkerEnvironment(): WorkerEnvironment {
  return parseWorkerEnvironment(process.env);
}

/**
 * The folders folder imports may read: IMPORT_ROOTS, or by default the
 * researcher's home folder and the project's datasets/ (demo corpus, fixtures).
 */
export function importRootsFrom(environment: Pick<ServerEnvironment, "IMPORT_ROOTS">, projectRoot: string): string[] {
  if (!environment.IMPORT_ROOTS) return [homedir(), path.join(projectRoot, "datasets")];
  return environment.IMPORT_ROOTS.split(path.delimiter)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => path.resolve(projectRoot, entry));
}

export function readTestEnvironment(): TestEnvironment {
  return parseWith(testEnvironmentSchema, process.env);
}

export function readBenchEnvironment(): BenchEnvironment {
  return parseWith(benchEnvironmentSchema, process.env);
}

/** Where the user typed the command: npm runs scripts from the project folder but records the original one. */
export function readInvocationDirectory(): string {
  return emptyToUndefined(process.env.INIT_CWD) as string | undefined ?? process.cwd();
}

/** The Prisma CLI's engine override, read here so no other module touches process.env. */
export function readSchemaEngineOverride(): string | undefined {
  return emptyToUndefined(process.env.PRISMA_SCHEMA_ENGINE_BINARY) as string | undefined;
}

/**
 * Points the Prisma CLI (running in this process) at a schema engine. Only
 * prisma.config.ts calls this, before the CLI looks for its engine.
 */
export function setSchemaEngineBinary(executable: string): void {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = executable;
}

/** `npm start` serves the production build; React and Next.js read NODE_ENV to pick their production code. */
export function markProductionProcess(): void {
  (process.env as Record<string, string | undefined>).NODE_ENV = "production";
}

/** This process's environment with overrides (undefined removes a variable), for spawning tools and test children. */
export function childEnvironment(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete environment[name];
    else environment[name] = value;
  }
  return environment;
}
