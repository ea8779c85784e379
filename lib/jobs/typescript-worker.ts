import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * Starts a worker thread running a TypeScript module of this project. Node 20
 * workers do not inherit tsx's loader hooks, so the thread starts from a
 * one-line script that loads the entry through tsx's API.
 */
export function startTypeScriptWorker(projectRoot: string, entry: string, workerData: unknown): Worker {
  const tsxApi = pathToFileURL(path.join(projectRoot, "node_modules/tsx/dist/esm/api/index.mjs")).href;
  const entryUrl = pathToFileURL(path.join(projectRoot, entry)).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(entryUrl)}, ${JSON.stringify(entryUrl)}))`;
  return new Worker(bootstrap, { eval: true, workerData });
}
