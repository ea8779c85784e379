import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { createMigrationFromDiff, evaluateDataLossFromDiff } from "./migration-from-diff";

/**
 * Maps the Prisma CLI's JSON-RPC requests onto the WASM schema engine's
 * methods. Names follow the CLI's calls (`getDatabaseVersion`), which differ
 * from the engine's in a few places (`version`).
 */

export interface RpcRequest {
  id: number | string;
  jsonrpc?: string;
  method: string;
  params?: unknown;
}

export interface RpcErrorData {
  is_panic: boolean;
  message: string;
  error_code?: string;
  meta?: unknown;
}

export type RpcResponse =
  | { jsonrpc: "2.0"; id: RpcRequest["id"]; result: unknown }
  | { jsonrpc: "2.0"; id: RpcRequest["id"]; error: { code: number; message: string; data: RpcErrorData } };

type EngineMethod = (engine: SchemaEngine, params: never) => Promise<unknown>;

// Every method the CLI sends that the WASM engine implements.
const METHODS: Record<string, EngineMethod> = {
  applyMigrations: (e, p) => e.applyMigrations(p),
  createMigration: (e, p) => createMigrationFromDiff(e, p, new Date()),
  dbExecute: (e, p) => e.dbExecute(p),
  devDiagnostic: (e, p) => e.devDiagnostic(p),
  diagnoseMigrationHistory: (e, p) => e.diagnoseMigrationHistory(p),
  diff: (e, p) => e.diff(p),
  ensureConnectionValidity: (e, p) => e.ensureConnectionValidity(p),
  evaluateDataLoss: (e, p) => evaluateDataLossFromDiff(e, p),
  getDatabaseVersion: (e, p) => e.version(p),
  introspect: (e, p) => e.introspect(p),
  introspectSql: (e, p) => e.introspectSql(p),
  markMigrationApplied: (e, p) => e.markMigrationApplied(p),
  markMigrationRolledBack: (e, p) => e.markMigrationRolledBack(p),
  reset: (e, p) => e.reset(p),
  schemaPush: (e, p) => e.schemaPush(p),
  debugPanic: async (e) => e.debugPanic(),
};

// JSON-RPC code the native engine uses for its own (non-protocol) errors.
const ENGINE_ERROR_CODE = 4466;

export async function dispatchRpc(engine: SchemaEngine, request: RpcRequest): Promise<RpcResponse> {
  const method = METHODS[request.method];
  if (!method) {
    return failure(request, -32601, {
      is_panic: false,
      message: `The offline schema engine does not support "${request.method}".`,
    });
  }
  try {
    const result = await method(engine, (request.params ?? {}) as never);
    // JSON-RPC needs a result member even for methods that return nothing.
    return { jsonrpc: "2.0", id: request.id, result: result ?? null };
  } catch (error) {
    return failure(request, ENGINE_ERROR_CODE, toErrorData(error));
  }
}

function failure(request: RpcRequest, code: number, data: RpcErrorData): RpcResponse {
  return {
    jsonrpc: "2.0",
    id: request.id,
    error: { code, message: "An error happened. Check the data field for details.", data },
  };
}

/** The WASM engine rejects with plain objects shaped like the native engine's error data, or with Errors. */
export function toErrorData(error: unknown): RpcErrorData {
  if (error && typeof error === "object" && !(error instanceof Error)) {
    const record = error as Record<string, unknown>;
    return {
      is_panic: record.is_panic === true,
      message: typeof record.message === "string" ? record.message : JSON.stringify(error),
      error_code: typeof record.error_code === "string" ? record.error_code : undefined,
      meta: record.meta,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  // A Rust panic inside WASM surfaces as a RuntimeError("unreachable").
  const isPanic = error instanceof WebAssembly.RuntimeError;
  return { is_panic: isPanic, message };
}
