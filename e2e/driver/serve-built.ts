// The demo server for the end-to-end tests: `npm start` without its build step (see playwright.config.ts).
import { markProductionProcess } from "../../lib/config/env";
import { ensurePrismaClient } from "../../lib/cli/prepare-build";
import { exitWithError, serveWorkbench } from "../../lib/cli/serve-workbench";

const projectRoot = process.cwd();
markProductionProcess();
try {
  await ensurePrismaClient(projectRoot);
  await serveWorkbench({ dev: false, projectRoot });
} catch (error) {
  exitWithError(error);
}
