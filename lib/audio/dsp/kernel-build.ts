// Assembles kernel.wat into kernel.generated.ts, which holds the WebAssembly
// bytes as base64 so that neither installs nor bundlers need an assembler or a
// file path. Run after editing the .wat:
//   npx tsx lib/audio/dsp/kernel-build.ts
// Needs `wat2wasm` from the Debian package `wabt`.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assembleWatModule, isWatAssemblerInstalled, WAT_ASSEMBLER, WAT_ASSEMBLER_DEBIAN_PACKAGE } from "../../wasm/wat-module";

export const DSP_KERNEL_ASSEMBLER = WAT_ASSEMBLER;
export const DSP_KERNEL_DEBIAN_PACKAGE = WAT_ASSEMBLER_DEBIAN_PACKAGE;

const here = path.dirname(fileURLToPath(import.meta.url));
export const DSP_KERNEL_SOURCE = path.join(here, "kernel.wat");
export const DSP_KERNEL_GENERATED = path.join(here, "kernel.generated.ts");

export const isDspKernelAssemblerInstalled = isWatAssemblerInstalled;

/** Assembles the kernel and returns the text of the generated TypeScript module. */
export function buildDspKernelModule(): string {
  return assembleWatModule({ source: DSP_KERNEL_SOURCE, constant: "DSP_KERNEL_WASM_BASE64", buildScript: "lib/audio/dsp/kernel-build.ts" });
}

function main(): void {
  if (!isDspKernelAssemblerInstalled()) {
    console.error(
      `${DSP_KERNEL_ASSEMBLER} not found: install the Debian package ${DSP_KERNEL_DEBIAN_PACKAGE} (apt-get install -y ${DSP_KERNEL_DEBIAN_PACKAGE}).`,
    );
    process.exit(1);
  }
  writeFileSync(DSP_KERNEL_GENERATED, buildDspKernelModule());
  console.log(`Wrote ${path.relative(process.cwd(), DSP_KERNEL_GENERATED)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
