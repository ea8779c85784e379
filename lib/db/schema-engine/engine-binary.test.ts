import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { embeddedDatasource } from "../datasource";
import { chooseSchemaEngineBinary, projectSchemaEngine } from "./engine-binary";

const postgres = { mode: "postgresql" as const, url: "postgresql://db/lab" };
let root: string | undefined;

function project(withNativeEngine: boolean): string {
  root = mkdtempSync(path.join(tmpdir(), "resonance-engine-choice-"));
  if (withNativeEngine) {
    const engines = path.join(root, "node_modules", "@prisma", "engines");
    mkdirSync(engines, { recursive: true });
    writeFileSync(path.join(engines, "schema-engine-debian-openssl-3.0.x"), "");
  }
  return root;
}

afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("chooseSchemaEngineBinary", () => {
  it("uses the project's WASM engine when no native engine is installed", () => {
    const dir = project(false);
    expect(chooseSchemaEngineBinary(dir, postgres, undefined)).toBe(projectSchemaEngine(dir));
  });

  it("leaves PostgreSQL to an installed native engine", () => {
    expect(chooseSchemaEngineBinary(project(true), postgres, undefined)).toBeUndefined();
  });

  it("always uses the WASM engine for the embedded database, which no native engine can open", () => {
    const dir = project(true);
    expect(chooseSchemaEngineBinary(dir, embeddedDatasource(".data", dir), undefined)).toBe(projectSchemaEngine(dir));
  });

  it("respects an explicit PRISMA_SCHEMA_ENGINE_BINARY", () => {
    expect(chooseSchemaEngineBinary(project(false), postgres, "/opt/prisma/schema-engine")).toBeUndefined();
  });
});
