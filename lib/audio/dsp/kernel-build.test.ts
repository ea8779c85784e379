import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  buildDspKernelModule,
  DSP_KERNEL_DEBIAN_PACKAGE,
  DSP_KERNEL_GENERATED,
  isDspKernelAssemblerInstalled,
} from "./kernel-build";
import { DSP_KERNEL_WASM_BASE64 } from "./kernel.generated";

const assemblerInstalled = isDspKernelAssemblerInstalled();

describe("DSP kernel", () => {
  it("is a valid WebAssembly module exporting every kernel", async () => {
    const module = await WebAssembly.compile(Uint8Array.from(atob(DSP_KERNEL_WASM_BASE64), (c) => c.charCodeAt(0)));
    const exported = WebAssembly.Module.exports(module).map((entry) => entry.name);
    expect(exported).toEqual([
      "run_exact",
      "run_interpolated",
      "downmix2",
      "mix_add",
      "mix_scale",
      "abs_max_into",
      "clip_scan",
      "frame_energy",
      "block_minmax",
    ]);
  });

  it.skipIf(!assemblerInstalled)(
    `matches its .wat source (skipped without wat2wasm: apt-get install ${DSP_KERNEL_DEBIAN_PACKAGE})`,
    () => {
      const committed = readFileSync(DSP_KERNEL_GENERATED, "utf8");
      expect(buildDspKernelModule(), "kernel.generated.ts is stale: run npx tsx lib/audio/dsp/kernel-build.ts").toBe(committed);
    },
  );
});
