import { describe, expect, it } from "vitest";
import type { ApiTokenView } from "./api-token-view";
import { formatTokenTable, parseTokenArguments } from "./token-cli-arguments";
import { TokenCliError } from "./token-cli-error";

function usageError(argv: string[]): string {
  try {
    parseTokenArguments(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(TokenCliError);
    expect((error as TokenCliError).code).toBe("TOKEN_USAGE");
    return (error as TokenCliError).message;
  }
  throw new Error(`${argv.join(" ")} was accepted`);
}

describe("parseTokenArguments", () => {
  it("reads create with its options, spaced or with =", () => {
    expect(parseTokenArguments(["create", "--name", "training box"])).toEqual({ kind: "create", name: "training box" });
    expect(parseTokenArguments(["create", "--user=ana", "--name=gpu-01", "--expires-in-days", "30"])).toEqual({
      kind: "create",
      name: "gpu-01",
      username: "ana",
      expiresInDays: 30,
    });
  });

  it("reads list, revoke and help", () => {
    expect(parseTokenArguments(["list"])).toEqual({ kind: "list" });
    expect(parseTokenArguments(["revoke", "c17c6b0b-82bc-46eb-9262-4ea864ed5022"])).toEqual({ kind: "revoke", id: "c17c6b0b-82bc-46eb-9262-4ea864ed5022" });
    expect(parseTokenArguments([])).toEqual({ kind: "help" });
    expect(parseTokenArguments(["--help"])).toEqual({ kind: "help" });
  });

  it("says what is wrong with a command line it cannot read", () => {
    expect(usageError(["create"])).toContain('"create" needs --name NAME');
    expect(usageError(["create", "--name"])).toBe("--name needs a value");
    expect(usageError(["create", "--name", "--user", "ana"])).toBe("--name needs a value");
    expect(usageError(["create", "--name", "a", "--name", "b"])).toBe("--name is given twice");
    expect(usageError(["create", "--name", "a", "--scope", "x"])).toBe('unknown option "--scope" for "create"');
    expect(usageError(["create", "--name", "a", "--expires-in-days", "2.5"])).toBe('--expires-in-days must be a whole number of days, got "2.5"');
    expect(usageError(["revoke"])).toContain('"revoke" takes one token id');
    expect(usageError(["revoke", "a", "b"])).toContain('"revoke" takes one token id');
    expect(usageError(["list", "--all"])).toBe('"list" takes no arguments, got --all');
    expect(usageError(["delete", "x"])).toBe('unknown command "delete"; use create, list or revoke');
  });
});

describe("formatTokenTable", () => {
  const token = (overrides: Partial<ApiTokenView>): ApiTokenView => ({
    id: "c17c6b0b-82bc-46eb-9262-4ea864ed5022",
    name: "training box",
    username: "local",
    scopes: ["exports:read"],
    createdAt: "2026-05-01T12:34:56.789Z",
    lastUsedAt: null,
    expiresAt: null,
    revokedAt: null,
    status: "active",
    ...overrides,
  });

  it("lines up one row per token, without secrets or hashes, times to the minute", () => {
    const table = formatTokenTable([
      token({ lastUsedAt: "2026-05-02T08:00:10.000Z", expiresAt: "2026-06-01T12:34:56.789Z" }),
      token({ id: "8751e1ca-6bb7-4615-be0d-42d9532f30cd", name: "old", status: "revoked", revokedAt: "2026-05-03T09:15:00.000Z" }),
    ]);
    expect(table.split("\n")).toEqual([
      "ID                                    NAME          USER   STATUS                    CREATED (UTC)     LAST USED         EXPIRES",
      "c17c6b0b-82bc-46eb-9262-4ea864ed5022  training box  local  active                    2026-05-01 12:34  2026-05-02 08:00  2026-06-01 12:34",
      "8751e1ca-6bb7-4615-be0d-42d9532f30cd  old           local  revoked 2026-05-03 09:15  2026-05-01 12:34  never             never",
    ]);
  });

  it("says how to make the first token when there is none", () => {
    expect(formatTokenTable([])).toContain("npm run token -- create --name NAME");
  });
});
