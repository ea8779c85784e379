// `npm run export -- --definition FILE --out DIR`: runs an export definition
// (JSON, as the workbench saves it) as a job, through the running server or
// in this process, and copies the finished snapshot to DIR.
import { cp, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { attachExportJob, createExportRecord } from "../db/export.repository";
import { ensureLocalResearcher } from "../db/user.repository";
import { AppError } from "../domain/app-error";
import { exportDefinitionSchema } from "../domain/export/export-definition";
import { EXPORT_JOB_KIND } from "../exports/export-job-kind";
import { exportFolder } from "../exports/export-paths";
import { resolveDataDir } from "../jobs/job-runtime";
import type { JsonValue } from "../jobs/job-types";
import { readInvocationDirectory, readServerEnvironment } from "../config/env";
import { runJobFromCli } from "./job-cli";

class ExportCliError extends AppError {
  override readonly name = "ExportCliError";
  readonly code = "EXPORT_CLI";
}

const USAGE = "usage: npm run export -- --definition FILE.json --out DIR";

const projectRoot = process.cwd();
// npm runs scripts from the project folder; paths the researcher typed are relative to where they typed them.
const callerFolder = readInvocationDirectory();

try {
  const args = parseArguments(process.argv.slice(2));
  const definitionPath = path.resolve(callerFolder, args.definition);
  const out = path.resolve(callerFolder, args.out);
  const existing = await readdir(out).catch(() => null);
  if (existing && existing.length > 0) throw new ExportCliError(`${out} is not empty: choose a new folder for the export.`);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(definitionPath, "utf8"));
  } catch (error) {
    throw new ExportCliError(`cannot read the definition ${definitionPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = exportDefinitionSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ExportCliError(`${definitionPath} is not a valid export definition: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "definition"}: ${issue.message}`).join("; ")}`);
  }
  const definition = parsed.data;
  const job = await runJobFromCli({
    projectRoot,
    serverPath: "/api/workbench/exports",
    body: definition,
    enqueueInProcess: async (queue, _environment, database) => {
      const author = await ensureLocalResearcher(database.prisma);
      const exportId = await createExportRecord(database.prisma, definition.name, definition as unknown as JsonValue, author.id);
      const queued = await queue.enqueue(EXPORT_JOB_KIND, { exportId }, { maxAttempts: 2 });
      await attachExportJob(database.prisma, exportId, queued.id);
      return queued;
    },
    formatProgress: (progress) => {
      const p = progress.progress;
      return p ? `${p.message ?? "Exporting"}: ${p.done.toLocaleString("en-US")} of ${p.total.toLocaleString("en-US")} ${p.unit}` : "Waiting to start…";
    },
    announce: (where) => `Exporting "${definition.name}" ${where}.`,
  });
  if (job.status !== "succeeded") {
    console.error(`error: the export ${job.status}${job.error ? `: ${job.error.message}` : ""}`);
    process.exit(job.status === "cancelled" ? 130 : 1);
  }
  const result = job.result as { exportId: string; items: number; manifestHash: string };
  await cp(exportFolder(resolveDataDir(readServerEnvironment(), projectRoot), result.exportId), out, { recursive: true, errorOnExist: true, force: false });
  console.log(`Exported ${result.items.toLocaleString("en-US")} items to ${out} (snapshot ${result.exportId}, manifest SHA-256 ${result.manifestHash}).`);
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof ExportCliError && error.message.startsWith("usage")) process.exit(2);
  process.exit(1);
}

function parseArguments(argv: readonly string[]): { definition: string; out: string } {
  const values = new Map<string, string>();
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index]!;
    if (flag === "--help" || flag === "-h") {
      console.log(USAGE);
      process.exit(0);
    }
    if (flag !== "--definition" && flag !== "--out") throw new ExportCliError(`${USAGE}\nunknown argument ${flag}`);
    const value = argv[index + 1];
    if (!value) throw new ExportCliError(`${USAGE}\n${flag} needs a value`);
    values.set(flag, value);
    index += 1;
  }
  const definition = values.get("--definition");
  const out = values.get("--out");
  if (!definition || !out) throw new ExportCliError(USAGE);
  return { definition, out };
}
