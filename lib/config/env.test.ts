import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigurationError, ENVIRONMENT_VARIABLES, parseServerEnvironment } from "./env";

describe("parseServerEnvironment", () => {
  it("defaults to the embedded database on loopback port 3000", () => {
    expect(parseServerEnvironment({})).toEqual({
      DATABASE_URL: undefined,
      DATA_DIR: ".data",
      HOST: "127.0.0.1",
      PORT: 3000,
      JOB_HEARTBEAT_TIMEOUT_SECONDS: 60,
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

describe("README configuration table", () => {
  it("lists exactly the variables the code reads", () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, "..", "..", "README.md"), "utf8");
    const section = readme.split("## Configuration")[1]?.split("\n## ")[0] ?? "";
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual(ENVIRONMENT_VARIABLES.map((variable) => variable.name).sort());
  });
});
