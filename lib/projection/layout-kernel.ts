import { LAYOUT_KERNEL_WASM_BASE64 } from "./layout-kernel.generated";
import { instantiateKernel, type WasmKernel } from "./wasm-instance";

type I32 = number;
type F64 = number;

/** layout-kernel.wat */
export interface LayoutKernelExports {
  epoch(
    y: I32, head: I32, tail: I32, eps: I32, epns: I32, next: I32, nextNeg: I32,
    edges: I32, n: I32, epoch: F64, alpha: F64, a: F64, b: F64, rng: I32,
  ): void;
  random_start(ptr: I32, count: I32, rng: I32): void;
  random(rng: I32): F64;
  pow(x: F64, y: F64): F64;
}

export function createLayoutKernel(bytesNeeded: number): WasmKernel<LayoutKernelExports> {
  return instantiateKernel<LayoutKernelExports>(LAYOUT_KERNEL_WASM_BASE64, bytesNeeded);
}
