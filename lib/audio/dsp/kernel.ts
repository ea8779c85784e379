// Loads the SIMD kernel (kernel.wat) and hands out instances of it, each with
// its own WebAssembly memory. Resamplers keep one instance each (the filter
// table and history live in its memory); the stateless stages share one
// scratch instance, since JavaScript runs one call at a time and they carry
// their few samples of state in JavaScript between calls.
import { DSP_KERNEL_WASM_BASE64 } from "./kernel.generated";

type I32 = number;
type F32 = number;

export interface DspKernelExports {
  run_exact(
    coef: I32, taps: I32, upFactor: I32, stepInt: I32, stepFrac: I32,
    buf: I32, avail: I32, out: I32, maxOut: I32, state: I32,
  ): I32;
  run_interpolated(
    coef: I32, taps: I32, upFactor: I32, stepInt: I32, stepFrac: I32,
    buf: I32, avail: I32, out: I32, maxOut: I32, state: I32, scale: number,
  ): I32;
  downmix2(a: I32, b: I32, out: I32, n: I32): void;
  mix_add(dst: I32, src: I32, n: I32): void;
  mix_scale(dst: I32, n: I32, scale: F32): void;
  abs_max_into(dst: I32, src: I32, n: I32): void;
  clip_scan(x: I32, n: I32, threshold: F32, peakOut: I32): I32;
  frame_energy(x: I32, frames: I32, len: I32, out: I32): void;
  block_minmax(x: I32, blocks: I32, len: I32, out: I32): void;
}

export interface DspKernel {
  readonly memory: WebAssembly.Memory;
  readonly exports: DspKernelExports;
}

const PAGE_BYTES = 65_536;
// Disposed resampler instances kept for the next one: imports run one file
// after another, and a fresh WebAssembly.Memory per file would otherwise pile
// up until the garbage collector gets to them.
const POOL_LIMIT = 4;
const POOLED_MEMORY_LIMIT_BYTES = 32 * 1024 * 1024;

let compiled: WebAssembly.Module | undefined;
let compiling: Promise<WebAssembly.Module> | undefined;
const pool: DspKernel[] = [];
let scratch: DspKernel | undefined;

function kernelBytes(): Uint8Array<ArrayBuffer> {
  const binary = atob(DSP_KERNEL_WASM_BASE64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Compiles the kernel once; browsers need this before any synchronous use. */
export async function compileDspKernel(): Promise<void> {
  if (compiled) return;
  compiling ??= WebAssembly.compile(kernelBytes());
  compiled = await compiling;
}

function grow(kernel: DspKernel, bytesNeeded: number): void {
  const missing = bytesNeeded - kernel.memory.buffer.byteLength;
  if (missing > 0) kernel.memory.grow(Math.ceil(missing / PAGE_BYTES));
}

function instantiate(bytesNeeded: number): DspKernel {
  // Synchronous compilation is allowed on the server (the kernel is about
  // 2 KB); call compileDspKernel first where it is not.
  compiled ??= new WebAssembly.Module(kernelBytes());
  const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytesNeeded / PAGE_BYTES)) });
  const instance = new WebAssembly.Instance(compiled, { env: { memory } });
  return { memory, exports: instance.exports as unknown as DspKernelExports };
}

/** An instance of its own with at least `bytesNeeded` bytes of memory; give it back with releaseDspKernel. */
export function acquireDspKernel(bytesNeeded: number): DspKernel {
  const kernel = pool.pop();
  if (!kernel) return instantiate(bytesNeeded);
  grow(kernel, bytesNeeded);
  return kernel;
}

export function releaseDspKernel(kernel: DspKernel): void {
  if (pool.length < POOL_LIMIT && kernel.memory.buffer.byteLength <= POOLED_MEMORY_LIMIT_BYTES) pool.push(kernel);
}

/**
 * The shared instance for stateless calls, with at least `bytesNeeded` bytes.
 * Growing detaches earlier views of its memory: take views after this call
 * and do not keep them across calls.
 */
export function scratchDspKernel(bytesNeeded: number): DspKernel {
  scratch ??= instantiate(bytesNeeded);
  grow(scratch, bytesNeeded);
  return scratch;
}
