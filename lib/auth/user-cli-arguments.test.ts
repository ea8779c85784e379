import { describe, expect, it } from "vitest";
import { parseUserArguments } from "./user-cli-arguments";

describe("npm run user arguments", () => {
  it("creates an administrator with a display name", () => {
    expect(parseUserArguments(["create", "Ana.M", "--admin", "--display-name", "Ana Martins"])).toEqual({
      kind: "create",
      username: "ana.m",
      admin: true,
      displayName: "Ana Martins",
    });
    expect(parseUserArguments(["create", "ben"])).toEqual({ kind: "create", username: "ben", admin: false, displayName: "ben" });
  });

  it("sets roles, naming what is missing or wrong", () => {
    expect(parseUserArguments(["role", "ben", "--workspace", "Lab A", "--role", "annotator"])).toEqual({ kind: "role", username: "ben", workspace: "Lab A", role: "annotator" });
    expect(() => parseUserArguments(["role", "ben", "--role", "annotator"])).toThrow("role needs --workspace <name>.");
    expect(() => parseUserArguments(["role", "ben", "--workspace", "Lab A", "--role", "owner"])).toThrow('role needs --role admin|reviewer|annotator|viewer, not "owner".');
  });

  it("refuses unusable usernames, unknown options and commands", () => {
    expect(() => parseUserArguments(["create", "a"])).toThrow(/not a usable username/);
    expect(() => parseUserArguments(["create", "ana", "--root"])).toThrow(/Unknown option --root/);
    expect(() => parseUserArguments(["delete", "ana"])).toThrow(/Unknown command "delete"/);
    expect(() => parseUserArguments(["create"])).toThrow(/Name the account/);
  });

  it("reads the other commands", () => {
    expect(parseUserArguments([])).toEqual({ kind: "help" });
    expect(parseUserArguments(["list"])).toEqual({ kind: "list" });
    expect(parseUserArguments(["disable", "ben"])).toEqual({ kind: "disable", username: "ben" });
    expect(parseUserArguments(["workspace", "Lab", "B"])).toEqual({ kind: "workspace", name: "Lab B", blind: undefined });
    expect(parseUserArguments(["workspace", "Lab B", "--blind"])).toEqual({ kind: "workspace", name: "Lab B", blind: true });
    expect(parseUserArguments(["workspace", "--unblind", "Lab B"])).toEqual({ kind: "workspace", name: "Lab B", blind: false });
    expect(parseUserArguments(["move", "Clinic", "2024", "--workspace", "Lab B"])).toEqual({ kind: "move", corpus: "Clinic 2024", workspace: "Lab B" });
  });

  it("reads a role to give or to take away", () => {
    expect(parseUserArguments(["role", "ben", "--workspace", "Lab", "--role", "viewer"])).toEqual({ kind: "role", username: "ben", workspace: "Lab", role: "viewer" });
    expect(parseUserArguments(["role", "ben", "--workspace", "Lab", "--remove"])).toEqual({ kind: "role", username: "ben", workspace: "Lab", role: null });
    expect(() => parseUserArguments(["role", "ben", "--workspace", "Lab", "--remove", "--role", "viewer"])).toThrow(/not both/);
  });

  it("refuses contradictory blinding and a move without its workspace", () => {
    expect(() => parseUserArguments(["workspace", "Lab", "--blind", "--unblind"])).toThrow(/not both/);
    expect(() => parseUserArguments(["move", "Clinic"])).toThrow(/move needs --workspace/);
    expect(() => parseUserArguments(["move", "--workspace", "Lab"])).toThrow(/Name the corpus/);
  });
});
