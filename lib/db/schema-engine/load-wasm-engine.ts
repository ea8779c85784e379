import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

/**
 * Prisma's schema engine compiled to WebAssembly. Its package entry imports the
 * .wasm file as an ES module, which Node 20 cannot do, so we instantiate the
 * module ourselves and hand it to the generated bindings.
 */
export type SchemaEngineClass = typeof SchemaEngine;

let loaded: Promise<SchemaEngineClass> | undefined;

export function loadSchemaEngine(): Promise<SchemaEngineClass> {
  loaded ??= instantiate();
  return loaded;
}

async function instantiate(): Promise<SchemaEngineClass> {
  // The package's export map hides the .wasm file; it sits beside the bindings.
  const require = createRequire(import.meta.url);
  const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = path.join(path.dirname(bindingsPath), "schema_engine_bg.wasm");
  const bytes = await readFile(wasmPath);
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
  bindings.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  return bindings.SchemaEngine;
}

export async function schemaEngineVersion(): Promise<string> {
  await loadSchemaEngine();
  return bindings.version();
}
