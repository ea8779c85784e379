import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createLayoutKernel } from "./layout-kernel";
import { mulberry32 } from "./seeded-random";
import { buildKernelModule, isWasmAssemblerInstalled, PROJECTION_KERNELS, WASM_ASSEMBLER_DEBIAN_PACKAGE } from "./wasm-kernels-build";

const assemblerInstalled = isWasmAssemblerInstalled();

describe("projection WebAssembly kernels", () => {
  it.skipIf(!assemblerInstalled)(
    `match their .wat sources (skipped without wat2wasm: apt-get install ${WASM_ASSEMBLER_DEBIAN_PACKAGE})`,
    () => {
      for (const kernel of PROJECTION_KERNELS) {
        expect(buildKernelModule(kernel), `${kernel.generated} is stale: run npx tsx lib/projection/wasm-kernels-build.ts`).toBe(
          readFileSync(kernel.generated, "utf8"),
        );
      }
    },
  );

  it("draws the same random sequence as seeded-random's mulberry32", () => {
    const kernel = createLayoutKernel(16);
    new Uint32Array(kernel.memory.buffer, 0, 1)[0] = 12345;
    const random = mulberry32(12345);
    for (let i = 0; i < 1000; i += 1) expect(kernel.exports.random(0)).toBe(random());
  });

  it("computes x^b to 1e-7 relative over the optimizer's range", () => {
    const kernel = createLayoutKernel(16);
    const random = mulberry32(3);
    let worst = 0;
    for (let i = 0; i < 100_000; i += 1) {
      const x = Math.pow(10, random() * 16 - 8);
      const b = 0.5 + random() * 1.5;
      const exact = Math.pow(x, b);
      worst = Math.max(worst, Math.abs(kernel.exports.pow(x, b) - exact) / exact);
    }
    expect(worst).toBeLessThan(1e-7);
    expect(kernel.exports.pow(1e-300, 2)).toBe(0);
  });
});
