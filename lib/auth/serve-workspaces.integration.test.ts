import { describe, expect, it } from "vitest";
import { jsonWithStatus as body, twoLabsForThisFile, type User } from "../corpus/testing/two-labs-fixture";
import { listAuditEvents } from "../db/audit.repository";
import { testDatabaseMode } from "../db/testing/test-database";
import { changeWorkspaceRole } from "../db/workspace.repository";
import { serveMemberRemove, serveMemberSet, serveWorkspaceList, serveWorkspaceUpdate, type WorkspaceJson } from "./serve-workspaces";

/**
 * Managing workspaces from the workbench with ACCOUNTS=on: members see their
 * workspaces and role, admins also the members; only admins change roles and
 * blinding, every change is audited, and no change leaves a workspace
 * without an admin. Lab A: ana annotator, ben viewer, rita reviewer, adam
 * admin; Lab B: cleo admin.
 */

const twoLabs = twoLabsForThisFile();
const as = (who: User | null) => twoLabs().request(who);

const list = async (who: User) => (await body<{ workspaces: WorkspaceJson[] }>(await serveWorkspaceList(twoLabs().database, as(who)), 200)).workspaces;

describe(`workspace management ${testDatabaseMode()}`, () => {
  it("lists each account's workspaces with its role, and the members only to admins", async () => {
    const labs = twoLabs();
    const ana = await list("ana");
    expect(ana.map((workspace) => [workspace.name, workspace.role, workspace.canManage, workspace.members])).toEqual([["Lab A", "annotator", false, null]]);
    const [labA] = await list("adam");
    expect(labA).toMatchObject({ name: "Lab A", role: "admin", canManage: true, corpusCount: 1 });
    expect(labA!.members!.map((member) => `${member.username}:${member.role}`)).toEqual(["adam:admin", "ana:annotator", "ben:viewer", "rita:reviewer"]);
    expect((await list("cleo")).map((workspace) => workspace.name)).toEqual(["Lab B"]);
    expect((await serveWorkspaceList(labs.database, as(null))).status).toBe(401);
  });

  it("lets an admin give, change and remove roles, audited, and nobody else", async () => {
    const labs = twoLabs();
    const labA = labs.labs.A;
    await body(await serveMemberSet(labs.database, as("rita"), labA, { username: "cleo", role: "viewer" }), 403);
    await body(await serveMemberSet(labs.database, as("cleo"), labA, { username: "cleo", role: "admin" }), 404);
    const unknown = await body<{ error: string }>(await serveMemberSet(labs.database, as("adam"), labA, { username: "nobody", role: "viewer" }), 400);
    expect(unknown.error).toBe('No active account "nobody".');
    await body(await serveMemberSet(labs.database, as("adam"), labA, { username: "ben", role: "chief" }), 400);

    await body(await serveMemberSet(labs.database, as("adam"), labA, { username: "cleo", role: "viewer" }), 200);
    await body(await serveMemberSet(labs.database, as("adam"), labA, { username: "ben", role: "annotator" }), 200);
    await body(await serveMemberRemove(labs.database, as("adam"), labA, "cleo"), 200);
    await body(await serveMemberRemove(labs.database, as("adam"), labA, "cleo"), 404);
    const members = (await list("adam"))[0]!.members!.map((member) => `${member.username}:${member.role}`);
    expect(members).toEqual(["adam:admin", "ana:annotator", "ben:annotator", "rita:reviewer"]);
    expect((await list("cleo")).map((workspace) => workspace.name)).toEqual(["Lab B"]);

    const events = await listAuditEvents(labs.database.prisma, { workspaceId: labA, limit: 10 });
    // The three changes and nothing else (refusals change nothing, so they record nothing); order aside, as they may share a millisecond.
    const recorded = events.map((event) => ({ actor: event.actorName, action: event.action, details: event.details }));
    expect(recorded).toHaveLength(3);
    expect(recorded).toEqual(
      expect.arrayContaining([
        { actor: "adam", action: "role.remove", details: { username: "cleo" } },
        { actor: "adam", action: "role.set", details: { username: "ben", role: "annotator" } },
        { actor: "adam", action: "role.set", details: { username: "cleo", role: "viewer" } },
      ]),
    );
  });

  it("never leaves a workspace without an admin", async () => {
    const labs = twoLabs();
    const labA = labs.labs.A;
    const last = await body<{ code: string; error: string }>(await serveMemberSet(labs.database, as("adam"), labA, { username: "adam", role: "reviewer" }), 409);
    expect(last).toMatchObject({ code: "LAST_ADMIN" });
    expect(last.error).toContain("give another account the admin role first");
    await body(await serveMemberRemove(labs.database, as("adam"), labA, "adam"), 409);
    // With a second admin, the first may step down.
    await body(await serveMemberSet(labs.database, as("adam"), labA, { username: "rita", role: "admin" }), 200);
    await body(await serveMemberSet(labs.database, as("adam"), labA, { username: "adam", role: "reviewer" }), 200);
    // Two admins demoting each other at once: one of them stays admin.
    await body(await serveMemberSet(labs.database, as("rita"), labA, { username: "adam", role: "admin" }), 200);
    const outcomes = await Promise.all([
      changeWorkspaceRole(labs.database.prisma, labA, labs.userIds.adam, "viewer"),
      changeWorkspaceRole(labs.database.prisma, labA, labs.userIds.rita, "viewer"),
    ]);
    expect(outcomes.sort()).toEqual(["changed", "last-admin"]);
    const admins = await labs.database.prisma.workspaceMember.count({ where: { workspaceId: labA, role: "admin" } });
    expect(admins).toBe(1);
  });

  it("lets an admin blind the workspace, audited", async () => {
    const labs = twoLabs();
    const admin = (await labs.database.prisma.workspaceMember.findFirstOrThrow({ where: { workspaceId: labs.labs.A, role: "admin" }, select: { user: { select: { username: true } } } })).user
      .username as User;
    await body(await serveWorkspaceUpdate(labs.database, as("ana"), labs.labs.A, { blindAnnotators: true }), 403);
    await body(await serveWorkspaceUpdate(labs.database, as("cleo"), labs.labs.A, { blindAnnotators: true }), 404);
    await body(await serveWorkspaceUpdate(labs.database, as(admin), labs.labs.A, { blindAnnotators: "yes" }), 400);
    const updated = await body<{ workspace: { blindAnnotators: boolean } }>(await serveWorkspaceUpdate(labs.database, as(admin), labs.labs.A, { blindAnnotators: true }), 200);
    expect(updated.workspace.blindAnnotators).toBe(true);
    expect((await list("ana"))[0]!.blindAnnotators).toBe(true);
    const [event] = await listAuditEvents(labs.database.prisma, { action: "workspace.update", limit: 1 });
    expect(event).toMatchObject({ actorName: admin, details: { blindAnnotators: true } });
  });
});
