// `npm run dev`: the same server with Next.js in development mode (hot reload).
import { ensurePrismaClient } from "./prepare-build";
import { exitWithError, serveWorkbench } from "./serve-workbench";

const projectRoot = process.cwd();
try {
  await ensurePrismaClient(projectRoot);
  await serveWorkbench({ dev: true, projectRoot });
} catch (error) {
  exitWithError(error);
}
