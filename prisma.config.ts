// Prisma CLI configuration. The datasource comes from the same settings the
// server reads (DATABASE_URL, or the embedded database under DATA_DIR), and the
// CLI is pointed at the project's offline schema engine, so `npx prisma …`
// works on a machine that reaches only the npm registry.
import { defineConfig } from "prisma/config";
import { readSchemaEngineOverride, readServerEnvironment, setSchemaEngineBinary } from "./lib/config/env";
import { datasourceFromSettings, datasourceToUrl } from "./lib/db/datasource";
import { chooseSchemaEngineBinary } from "./lib/db/schema-engine/engine-binary";

const projectRoot = process.cwd();
const datasource = datasourceFromSettings(readServerEnvironment(), projectRoot);
const engine = chooseSchemaEngineBinary(projectRoot, datasource, readSchemaEngineOverride());
if (engine) setSchemaEngineBinary(engine);

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: datasourceToUrl(datasource) },
});
