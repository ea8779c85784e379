import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { readServerEnvironment } from "../config/env";
import { listenAddressProblem } from "../config/listen-address";
import { CLIENT_ADDRESS_HEADER } from "../auth/authorize";
import { countPasswordAccounts } from "../db/account.repository";
import { teeOutputToLogFile } from "./server-log-file";
import { AppError } from "../domain/app-error";
import { describeDatasource } from "../db/datasource";
import { openServerDatabase } from "../db/open-server-database";
import { registerServerDatabase } from "../db/server-database";
import { seedDemo } from "../jobs/demo-seed";
import { resolveDataDir, startJobRuntime } from "../jobs/job-runtime";
import { serveMediaRequest } from "../corpus/serve-media-request";
import { removeServerAddress, writeServerAddress } from "./server-address";

/**
 * The server process: opens and migrates the database, then serves Next.js
 * from the same process, so the embedded database has exactly one owner and
 * route handlers share its connection.
 */
export async function serveWorkbench(options: { dev: boolean; projectRoot: string }): Promise<void> {
  const startedAt = performance.now();
  const environment = readServerEnvironment();
  teeOutputToLogFile(resolveDataDir(environment, options.projectRoot));
  // Before anything opens: a server that must not run should not touch the data.
  const exposed = listenAddressProblem(environment.HOST, environment.ACCOUNTS === "on");
  if (exposed) throw new ListenError(exposed);
  const database = await openServerDatabase();
  if (environment.ACCOUNTS === "on" && (await countPasswordAccounts(database.prisma)) === 0) {
    await database.close();
    throw new ListenError("ACCOUNTS=on but there is no account to log in with yet. Create the first administrator with: npm run user -- create --admin <username>");
  }
  registerServerDatabase(database);
  console.log(`Database: ${describeDatasource(database.connection.datasource)} (migrated)`);
  const dataDir = resolveDataDir(environment, options.projectRoot);
  const jobs = await startJobRuntime({
    database,
    environment,
    projectRoot: options.projectRoot,
    dataDir,
    onError: (error) => console.error(`job worker: ${error instanceof Error ? error.message : String(error)}`),
    onNotice: (message) => console.log(message),
    onSucceeded: () => void demo(),
  });
  // The demo corpus on a first start (DEMO=0 skips it); again after each job, for its analysis.
  const demo = async () => {
    if (environment.DEMO !== "1") return;
    await seedDemo({
      database,
      queue: jobs.queue,
      projectRoot: options.projectRoot,
      modelsDir: path.resolve(options.projectRoot, environment.MODELS_DIR),
      log: (message) => console.log(message),
    }).catch((error: unknown) => console.error(`demo corpus: ${error instanceof Error ? error.message : String(error)}`));
  };
  await demo();

  const app = next({
    dev: options.dev,
    dir: options.projectRoot,
    hostname: environment.HOST,
    port: environment.PORT,
  });
  const handle = app.getRequestHandler();
  await app.prepare();

  // Audio is answered here, before Next.js, which would drop its Content-Length.
  const server = createServer((request, response) => {
    // Route handlers learn the client's address only from the socket, never from what the client claims.
    request.headers[CLIENT_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
    void serveMediaRequest(request, response).then((handled) => (handled ? undefined : handle(request, response)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new ListenError(`Port ${environment.PORT} on ${environment.HOST} is already in use. Stop the other server or set PORT.`)
          : error,
      );
    });
    server.listen(environment.PORT, environment.HOST, resolve);
  });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  // A server listening on every interface is still reached locally through loopback.
  const localHost = environment.HOST === "0.0.0.0" || environment.HOST === "::" ? "127.0.0.1" : environment.HOST;
  const url = `http://${localHost.includes(":") ? `[${localHost}]` : localHost}:${environment.PORT}`;
  writeServerAddress(dataDir, url);
  console.log(`Resonance is ready on ${url} (${seconds} s)`);

  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`${signal} received: closing the server and the database…`);
    // Do not wait forever for keep-alive connections a browser holds open.
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    removeServerAddress(dataDir);
    server.closeAllConnections();
    server.close(() => {
      void jobs
        .stop()
        .then(() => database.close())
        .finally(() => process.exit(0));
    });
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

/** Thrown when the HTTP port cannot be bound. */
export class ListenError extends AppError {
  override readonly name = "ListenError";
  readonly code = "LISTEN_FAILED";
}

/** Prints a typed error as one clear line and exits non-zero; anything else is a bug and keeps its stack. */
export function exitWithError(error: unknown): never {
  if (error instanceof AppError || (error instanceof Error && error.name === "ConfigurationError")) {
    console.error(`error: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
