import { instantiateKernel, type WasmKernel } from "../wasm-instance";
import { DISTANCE_KERNEL_WASM_BASE64 } from "./distance-kernel.generated";

type I32 = number;

/** distance-kernel.wat */
export interface DistanceKernelExports {
  squared_distances_f32(a: I32, data: I32, idx: I32, count: I32, dims: I32, out: I32): void;
  dot_products_f32(a: I32, data: I32, idx: I32, count: I32, dims: I32, out: I32): void;
  squared_distances(a: I32, data: I32, idx: I32, count: I32, dims: I32, out: I32): void;
  dot_products(a: I32, data: I32, idx: I32, count: I32, dims: I32, out: I32): void;
}

export function createDistanceKernel(bytesNeeded: number): WasmKernel<DistanceKernelExports> {
  return instantiateKernel<DistanceKernelExports>(DISTANCE_KERNEL_WASM_BASE64, bytesNeeded);
}
