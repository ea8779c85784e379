// Assembles this folder's WebAssembly kernel (distance-kernel.wat) into
// distance-kernel.generated.ts, which holds the bytes as base64 so that
// neither installs nor bundlers need an assembler. Run after editing the .wat:
//   npx tsx lib/projection/clustering/clustering-kernels-build.ts
// Needs `wat2wasm` from the Debian package `wabt`.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assembleWatModule, isWatAssemblerInstalled, WAT_ASSEMBLER, WAT_ASSEMBLER_DEBIAN_PACKAGE } from "../../wasm/wat-module";

const here = path.dirname(fileURLToPath(import.meta.url));

export const DISTANCE_KERNEL = {
  source: path.join(here, "distance-kernel.wat"),
  generated: path.join(here, "distance-kernel.generated.ts"),
  constant: "DISTANCE_KERNEL_WASM_BASE64",
} as const;

/** The text distance-kernel.generated.ts should hold (a test compares it with the file). */
export function buildDistanceKernelModule(): string {
  return assembleWatModule({ ...DISTANCE_KERNEL, buildScript: "lib/projection/clustering/clustering-kernels-build.ts" });
}

export const isClusteringAssemblerInstalled = isWatAssemblerInstalled;

function main(): void {
  if (!isWatAssemblerInstalled()) {
    console.error(`${WAT_ASSEMBLER} not found: install the Debian package ${WAT_ASSEMBLER_DEBIAN_PACKAGE} (apt-get install -y ${WAT_ASSEMBLER_DEBIAN_PACKAGE}).`);
    process.exit(1);
  }
  writeFileSync(DISTANCE_KERNEL.generated, buildDistanceKernelModule());
  console.log(`Wrote ${path.relative(process.cwd(), DISTANCE_KERNEL.generated)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
