import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigurationError, ENVIRONMENT_VARIABLES, importRootsFrom, parseServerEnvironment } from "./env";

describe("parseServerEnvironment", () => {
  it("defaults to the embedded database on loopback port 3000", () => {
    expect(parseServerEnvironment({})).toEqual({
      DATABASE_URL: undefined,
      DATA_DIR: ".data",
      HOST: "127.0.0.1",
      ACCOUNTS: "off",
      PORT: 3000,
      JOB_HEARTBEAT_TIMEOUT_SECONDS: 60,
      IMPORT_ROOTS: undefined,
      UPLOAD_MAX_BYTES: 2 * 1024 ** 3,
      MODELS_DIR: "models",
      DEMO: "1",
      INFERENCE_DEVICE: "auto",
      INFERENCE_THREADS: undefined,
    });
  });

  it("treats empty values as unset", () => {
    expect(parseServerEnvironment({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it("accepts a PostgreSQL URL and a numeric port", () => {
    const parsed = parseServerEnvironment({ DATABASE_URL: "postgresql://u:p@db:5432/lab", PORT: "8080" });
    expect(parsed.DATABASE_URL).toBe("postgresql://u:p@db:5432/lab");
    expect(parsed.PORT).toBe(8080);
  });

  it("names the variable that is wrong", () => {
    expect(() => parseServerEnvironment({ DATABASE_URL: "mysql://x" })).toThrow(ConfigurationError);
    expect(() => parseServerEnvironment({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must start with postgresql:\/\//);
    expect(() => parseServerEnvironment({ PORT: "seventy" })).toThrow(/PORT/);
    expect(() => parseServerEnvironment({ PORT: "70000" })).toThrow(/PORT/);
  });
});

describe("import and upload settings", () => {
  it("reads upload limits in bytes or with a binary suffix", () => {
    expect(parseServerEnvironment({}).UPLOAD_MAX_BYTES).toBe(2 * 1024 ** 3);
    expect(parseServerEnvironment({ UPLOAD_MAX_BYTES: "500M" }).UPLOAD_MAX_BYTES).toBe(500 * 1024 ** 2);
    expect(parseServerEnvironment({ UPLOAD_MAX_BYTES: "1.5G" }).UPLOAD_MAX_BYTES).toBe(1.5 * 1024 ** 3);
    expect(parseServerEnvironment({ UPLOAD_MAX_BYTES: "12345" }).UPLOAD_MAX_BYTES).toBe(12345);
    expect(() => parseServerEnvironment({ UPLOAD_MAX_BYTES: "lots" })).toThrow(/UPLOAD_MAX_BYTES/);
  });

  it("splits IMPORT_ROOTS on the path delimiter and resolves against the project", () => {
    const roots = importRootsFrom({ IMPORT_ROOTS: ["/data/a", "recordings", " "].join(path.delimiter) }, "/srv/resonance");
    expect(roots).toEqual(["/data/a", "/srv/resonance/recordings"]);
    expect(importRootsFrom({}, "/srv/resonance")).toContain("/srv/resonance/datasets");
  });
});

describe("README configuration table", () => {
  it("lists exactly the variables the code reads", () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, "..", "..", "README.md"), "utf8");
    const section = readme.split("## Configuration")[1]?.split("\n## ")[0] ?? "";
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual(ENVIRONMENT_VARIABLES.map((variable) => variable.name).sort());
  });
});
