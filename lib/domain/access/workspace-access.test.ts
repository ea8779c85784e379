import { describe, expect, it } from "vitest";
import { type Actor, actorCan, refusalMessage, roleAllows, workspacesWhere } from "./workspace-access";

const account = (roles: Record<string, "admin" | "reviewer" | "annotator" | "viewer">, siteAdmin = false): Actor => ({
  kind: "account",
  userId: "u",
  username: "ana",
  siteAdmin,
  roles: new Map(Object.entries(roles)),
});

describe("workspace access", () => {
  it("grants each role its permissions and no more", () => {
    expect(roleAllows("viewer", "read")).toBe(true);
    expect(roleAllows("viewer", "label")).toBe(false);
    expect(roleAllows("viewer", "annotate")).toBe(false);
    expect(roleAllows("annotator", "annotate")).toBe(true);
    expect(roleAllows("annotator", "export")).toBe(false);
    expect(roleAllows("annotator", "manageTokens")).toBe(false);
    expect(roleAllows("annotator", "label")).toBe(false);
    expect(roleAllows("reviewer", "review")).toBe(true);
    expect(roleAllows("reviewer", "export")).toBe(false);
    expect(roleAllows("admin", "export")).toBe(true);
    expect(roleAllows("admin", "manageWorkspace")).toBe(true);
  });

  it("confines an account to the workspaces it belongs to", () => {
    const ana = account({ w1: "annotator", w2: "admin" });
    expect(actorCan(ana, "annotate", "w1")).toBe(true);
    expect(actorCan(ana, "export", "w1")).toBe(false);
    expect(actorCan(ana, "export", "w2")).toBe(true);
    expect(actorCan(ana, "read", "w3")).toBe(false);
    expect(workspacesWhere(ana, "export")).toEqual(["w2"]);
    expect(workspacesWhere(ana, "read")).toEqual(["w1", "w2"]);
  });

  it("lets the local researcher and site administrators do everything", () => {
    expect(actorCan({ kind: "local", userId: "l", username: "local" }, "manageWorkspace", "any")).toBe(true);
    expect(actorCan(account({}, true), "export", "any")).toBe(true);
    expect(workspacesWhere(account({}, true), "read")).toBe("all");
  });

  it("says why it refused", () => {
    expect(refusalMessage(account({ w1: "annotator" }), "export", "w1")).toBe("Your role (annotator) in this workspace does not allow you to export data.");
    expect(refusalMessage(account({}), "read", "w1")).toBe("You are not a member of the workspace this belongs to.");
  });
});
