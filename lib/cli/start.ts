// `npm start`: build if needed, migrate, serve.
import path from "node:path";
import { markProductionProcess, readServerEnvironment } from "../config/env";
import { ensureProductionBuild } from "./prepare-build";
import { teeOutputToLogFile } from "./server-log-file";
import { exitWithError, serveWorkbench } from "./serve-workbench";

const projectRoot = process.cwd();
markProductionProcess();
try {
  teeOutputToLogFile(path.resolve(projectRoot, readServerEnvironment().DATA_DIR));
  await ensureProductionBuild(projectRoot, (line) => console.log(line));
  await serveWorkbench({ dev: false, projectRoot });
} catch (error) {
  exitWithError(error);
}
