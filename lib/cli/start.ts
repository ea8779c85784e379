// `npm start`: build if needed, migrate, serve.
import { markProductionProcess } from "../config/env";
import { ensureProductionBuild } from "./prepare-build";
import { exitWithError, serveWorkbench } from "./serve-workbench";

const projectRoot = process.cwd();
markProductionProcess();
try {
  await ensureProductionBuild(projectRoot, (line) => console.log(line));
  await serveWorkbench({ dev: false, projectRoot });
} catch (error) {
  exitWithError(error);
}
