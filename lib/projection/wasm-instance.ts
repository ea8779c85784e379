// Instantiates one of this folder's WebAssembly kernels with a memory of its
// own. Each search, fit or worker thread holds one instance for its whole run,
// so there is no pooling as in lib/audio/dsp/kernel.ts.
const PAGE_BYTES = 65_536;
const compiled = new Map<string, WebAssembly.Module>();

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export interface WasmKernel<Exports> {
  readonly memory: WebAssembly.Memory;
  readonly exports: Exports;
}

/** A fresh instance with at least `bytesNeeded` bytes of memory (server side: compiles synchronously, the modules are a few KB). */
export function instantiateKernel<Exports>(base64: string, bytesNeeded: number): WasmKernel<Exports> {
  let module = compiled.get(base64);
  if (!module) {
    module = new WebAssembly.Module(decode(base64));
    compiled.set(base64, module);
  }
  const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytesNeeded / PAGE_BYTES)) });
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  return { memory, exports: instance.exports as unknown as Exports };
}
