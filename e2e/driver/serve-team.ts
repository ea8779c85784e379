// The ACCOUNTS=on server of the end-to-end tests: creates the test accounts (the way `npm run user` does),
// blinds the Default workspace, then serves the build the first e2e server made (see playwright.config.ts).
import { addWorkspace, createUser, setRole } from "../../lib/auth/user-service";
import { ensurePrismaClient } from "../../lib/cli/prepare-build";
import { exitWithError, serveWorkbench } from "../../lib/cli/serve-workbench";
import { markProductionProcess } from "../../lib/config/env";
import { openServerDatabase } from "../../lib/db/open-server-database";
import { SITE_ADMIN, TEAM_ACCOUNTS, TEAM_PASSWORD } from "./team-server";

const projectRoot = process.cwd();
markProductionProcess();
try {
  await ensurePrismaClient(projectRoot);
  const database = await openServerDatabase();
  try {
    for (const [username, role] of Object.entries(TEAM_ACCOUNTS) as [keyof typeof TEAM_ACCOUNTS, (typeof TEAM_ACCOUNTS)[keyof typeof TEAM_ACCOUNTS]][]) {
      await createUser(database, { username, displayName: username, admin: false, password: TEAM_PASSWORD });
      await setRole(database, username, "Default", role);
    }
    await createUser(database, { username: SITE_ADMIN, displayName: "Site administrator", admin: true, password: TEAM_PASSWORD });
    await addWorkspace(database, "Default", true);
  } finally {
    await database.close();
  }
  await serveWorkbench({ dev: false, projectRoot });
} catch (error) {
  exitWithError(error);
}
