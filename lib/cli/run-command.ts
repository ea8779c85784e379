import { spawn } from "node:child_process";
import path from "node:path";

/** Runs a project tool from node_modules/.bin, inheriting stdio; rejects on a non-zero exit. */
export function runTool(
  projectRoot: string,
  tool: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(projectRoot, "node_modules", ".bin", tool), args, {
      cwd: projectRoot,
      stdio: "inherit",
      env,
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${tool} ${args.join(" ")} exited with ${signal ?? `code ${code}`}`));
    });
  });
}
