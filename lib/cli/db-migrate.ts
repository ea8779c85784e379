// `npm run db:migrate`: apply committed migrations to the configured database and report.
import { readServerEnvironment } from "../config/env";
import { datasourceFromSettings, describeDatasource } from "../db/datasource";
import { applyPendingMigrations } from "../db/apply-migrations";
import { projectMigrationPaths } from "../db/migrations";
import { openConnection } from "../db/open-connection";
import { exitWithError } from "./serve-workbench";

const projectRoot = process.cwd();
try {
  const datasource = datasourceFromSettings(readServerEnvironment(), projectRoot);
  const connection = await openConnection(datasource, `npm run db:migrate (PID ${process.pid})`);
  try {
    const applied = await applyPendingMigrations(connection, projectMigrationPaths(projectRoot));
    console.log(`${describeDatasource(datasource)}: ${applied.length === 0 ? "already up to date" : `applied ${applied.join(", ")}`}`);
  } finally {
    await connection.close();
  }
} catch (error) {
  exitWithError(error);
}
