import { ensureProductionBuild } from "./prepare-build";

await ensureProductionBuild(process.cwd(), (line) => console.log(line));
