// Assembles this folder's WebAssembly kernels (knn-kernel.wat,
// layout-kernel.wat) into *.generated.ts modules that hold the bytes as
// base64, so that neither installs nor bundlers need an assembler or a file
// path. Run after editing a .wat:
//   npx tsx lib/projection/wasm-kernels-build.ts
// Needs `wat2wasm` from the Debian package `wabt`.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assembleWatModule, isWatAssemblerInstalled, WAT_ASSEMBLER, WAT_ASSEMBLER_DEBIAN_PACKAGE } from "../wasm/wat-module";

export const WASM_ASSEMBLER = WAT_ASSEMBLER;
export const WASM_ASSEMBLER_DEBIAN_PACKAGE = WAT_ASSEMBLER_DEBIAN_PACKAGE;

const here = path.dirname(fileURLToPath(import.meta.url));

export interface ProjectionKernel {
  readonly source: string;
  readonly generated: string;
  readonly constant: string;
}

export const PROJECTION_KERNELS: readonly ProjectionKernel[] = [
  { source: path.join(here, "knn-kernel.wat"), generated: path.join(here, "knn-kernel.generated.ts"), constant: "KNN_KERNEL_WASM_BASE64" },
  { source: path.join(here, "layout-kernel.wat"), generated: path.join(here, "layout-kernel.generated.ts"), constant: "LAYOUT_KERNEL_WASM_BASE64" },
];

export const isWasmAssemblerInstalled = isWatAssemblerInstalled;

/** Assembles one kernel and returns the text of its generated TypeScript module. */
export function buildKernelModule(kernel: ProjectionKernel): string {
  return assembleWatModule({ ...kernel, buildScript: "lib/projection/wasm-kernels-build.ts" });
}

function main(): void {
  if (!isWasmAssemblerInstalled()) {
    console.error(
      `${WASM_ASSEMBLER} not found: install the Debian package ${WASM_ASSEMBLER_DEBIAN_PACKAGE} (apt-get install -y ${WASM_ASSEMBLER_DEBIAN_PACKAGE}).`,
    );
    process.exit(1);
  }
  for (const kernel of PROJECTION_KERNELS) {
    writeFileSync(kernel.generated, buildKernelModule(kernel));
    console.log(`Wrote ${path.relative(process.cwd(), kernel.generated)}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
