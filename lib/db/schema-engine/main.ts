/**
 * An executable the Prisma CLI runs as its schema engine (see
 * prisma/bin/schema-engine). It speaks the native engine's protocol —
 * newline-delimited JSON-RPC 2.0 on stdin/stdout, JSON log lines on stderr,
 * and `cli <command>` for database-level steps — but does the work with
 * Prisma's WASM engine over our driver adapters. That lets `prisma migrate`
 * run on machines that can reach only the npm registry, and against the
 * embedded PGlite database, which no native engine can open.
 */
import { readFileSync, rmSync } from "node:fs";
import { createInterface } from "node:readline";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { postgresPoolConfig } from "../adapters";
import { acquireDataDirLock } from "../data-dir-lock";
import {
  DatabaseAuthenticationError,
  DatabaseMissingError,
  DataDirInUseError,
} from "../database-errors";
import { type Datasource, datasourceFromUrl } from "../datasource";
import { checkPostgresReachable, describePostgresFailure, openConnection } from "../open-connection";
import { parseEngineArguments } from "./engine-arguments";
import { loadSchemaEngine, schemaEngineVersion } from "./load-wasm-engine";
import { dispatchRpc, type RpcRequest } from "./rpc-dispatch";

// Everything the engine reports goes to stderr: stdout carries only responses.
function logLine(level: "INFO" | "ERROR", message: string, extra: Record<string, unknown> = {}): void {
  process.stderr.write(
    `${JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: "schema_engine::logger" })}\n`,
  );
}

function requireDatasource(url: string | undefined): Datasource {
  if (!url) throw new Error("No datasource URL: set it in prisma.config.ts (the project's config does).");
  return datasourceFromUrl(url, process.cwd());
}

async function serveRpc(datamodelPaths: string[], url: string | undefined, shadowDatabaseUrl?: string): Promise<void> {
  const SchemaEngine = await loadSchemaEngine();
  const datasource = requireDatasource(url);
  const connection = await openConnection(datasource, "Prisma CLI schema engine", { shadowDatabaseUrl });
  const datamodels = datamodelPaths.map((file): [string, string] => [file, readFileSync(file, "utf8")]);
  const engine = await SchemaEngine.new(
    { datamodels: datamodels.length > 0 ? datamodels : undefined },
    (line: string) => process.stderr.write(`${line}\n`),
    // The engine expects results wrapped as { ok, value | error }.
    bindMigrationAwareSqlAdapterFactory(connection.adapterFactory),
  );

  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    await connection.close().catch(() => undefined);
    process.exit(code);
  };
  process.on("SIGTERM", () => void shutdown(0));
  process.on("SIGINT", () => void shutdown(0));

  // Requests run one at a time, in order, like the native engine.
  let queue: Promise<void> = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    queue = queue.then(async () => {
      let request: RpcRequest;
      try {
        request = JSON.parse(line) as RpcRequest;
      } catch {
        process.stdout.write(
          `${JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } })}\n`,
        );
        return;
      }
      const response = await dispatchRpc(engine, request);
      process.stdout.write(`${JSON.stringify(response)}\n`);
    });
  });
  lines.on("close", () => void queue.then(() => shutdown(0)));
}

// Prisma's error codes for the connection failures the CLI knows how to explain.
function prismaCodeFor(error: unknown): string {
  if (error instanceof DatabaseAuthenticationError) return "P1000";
  if (error instanceof DatabaseMissingError) return "P1003";
  return "P1001";
}

async function runCliCommand(command: string, url: string | undefined): Promise<number> {
  // The CLI drops the first stderr line of these commands before reading the rest.
  logLine("INFO", `schema-engine-wasm ${command}`);
  const datasource = requireDatasource(url);
  try {
    if (datasource.mode === "embedded") {
      const lock = acquireDataDirLock(datasource.dataDir, `Prisma CLI ${command}`);
      try {
        if (command === "drop-database") rmSync(datasource.databaseDir, { recursive: true, force: true });
      } finally {
        lock.release();
      }
      return 0;
    }
    switch (command) {
      case "can-connect-to-database":
        await checkPostgresReachable(datasource.url);
        return 0;
      case "create-database":
      case "drop-database":
        await runOnMaintenanceDatabase(datasource.url, command);
        return 0;
      default:
        logLine("ERROR", `Unknown schema engine cli command: ${command}`);
        return 1;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = error instanceof DataDirInUseError ? "P1001" : prismaCodeFor(error);
    logLine("ERROR", message, { error_code: code });
    return 1;
  }
}

async function runOnMaintenanceDatabase(url: string, command: "create-database" | "drop-database"): Promise<void> {
  const config = postgresPoolConfig(url);
  const database = config.database;
  if (!database) throw new Error("The PostgreSQL URL names no database.");
  const client = new pg.Client({ ...config, database: "postgres" });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const quoted = `"${database.replaceAll('"', '""')}"`;
    await client.query(command === "create-database" ? `CREATE DATABASE ${quoted}` : `DROP DATABASE IF EXISTS ${quoted}`);
  } catch (error) {
    throw describePostgresFailure(url, error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const args = parseEngineArguments(process.argv.slice(2));
  if (args.cliCommand === "--version") {
    process.stdout.write(`schema-engine-wasm ${await schemaEngineVersion()}\n`);
    return;
  }
  if (args.cliCommand) {
    process.exitCode = await runCliCommand(args.cliCommand, args.datasource?.url);
    return;
  }
  await serveRpc(args.datamodels, args.datasource?.url, args.datasource?.shadowDatabaseUrl);
}

main().catch((error: unknown) => {
  logLine("ERROR", error instanceof Error ? error.message : String(error));
  process.exit(1);
});
