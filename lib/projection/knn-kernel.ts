import { KNN_KERNEL_WASM_BASE64 } from "./knn-kernel.generated";
import { instantiateKernel, type WasmKernel } from "./wasm-instance";

type I32 = number;

/** knn-kernel.wat */
export interface KnnKernelExports {
  dot_block(a: I32, aRows: I32, b: I32, bRows: I32, dims: I32, out: I32): void;
}

export function createKnnKernel(bytesNeeded: number): WasmKernel<KnnKernelExports> {
  return instantiateKernel<KnnKernelExports>(KNN_KERNEL_WASM_BASE64, bytesNeeded);
}
