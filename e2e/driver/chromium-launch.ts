import { existsSync } from "node:fs";
import { readTestEnvironment } from "../../lib/config/env";

/**
 * How the end-to-end tests and the browser benchmarks start Chromium: Debian's
 * build where it is installed (Playwright cannot download its own here),
 * headless, without the network chatter a fresh profile starts.
 * SwiftShader is allowed explicitly: Chromium is phasing out its silent
 * fallback to software WebGL, and on a machine without a GPU the projection
 * scatter would otherwise lose WebGL altogether.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--enable-unsafe-swiftshader",
];

export function chromiumExecutable(): string | undefined {
  return readTestEnvironment().CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
}
