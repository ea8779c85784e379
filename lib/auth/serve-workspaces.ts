import { z } from "zod";
import { findAccountByUsername, setWorkspaceBlinding } from "../db/account.repository";
import { recordAuditEvent } from "../db/audit.repository";
import type { Database } from "../db/database";
import { LOCAL_USERNAME } from "../db/user.repository";
import { changeWorkspaceRole, listWorkspaceMembers, listWorkspaces, type WorkspaceMemberView } from "../db/workspace.repository";
import { actorCan, WORKSPACE_ROLES, type WorkspaceRole } from "../domain/access/workspace-access";
import { errorResponse } from "../http/error-response";
import { isUuid } from "../http/search-params";
import { problemsOf } from "../http/zod-problems";
import { authorize } from "./authorize";
import { auditActorOf, seesEverything } from "./workspace-checks";

/**
 * Workspaces as their admins manage them in the workbench: GET
 * /api/workspaces (the asker's, with members where they may manage), PATCH
 * /api/workspaces/:id (blinding), PUT /api/workspaces/:id/members (give an
 * account a role) and DELETE /api/workspaces/:id/members/:username. Every
 * change is audited; no change may leave a workspace without an admin.
 */

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export interface WorkspaceJson {
  id: string;
  name: string;
  blindAnnotators: boolean;
  corpusCount: number;
  /** The asker's role; null for site administrators and the local researcher, who hold every permission. */
  role: WorkspaceRole | null;
  canManage: boolean;
  /** Only where the asker may manage the workspace. */
  members: WorkspaceMemberView[] | null;
}

export async function serveWorkspaceList(database: Database, request: Pick<Request, "headers">): Promise<Response> {
  const auth = await authorize(database, request, "read");
  if (!auth.ok) return auth.response;
  const { actor } = auth;
  const workspaces = await listWorkspaces(database.prisma, seesEverything(actor) ? undefined : [...(actor.kind === "account" ? actor.roles.keys() : [])]);
  const managed = workspaces.filter((workspace) => actorCan(actor, "manageWorkspace", workspace.id)).map((workspace) => workspace.id);
  const members = await listWorkspaceMembers(database.prisma, managed);
  return json({
    workspaces: workspaces.map(
      (workspace): WorkspaceJson => ({
        ...workspace,
        role: actor.kind === "account" ? (actor.roles.get(workspace.id) ?? null) : null,
        canManage: managed.includes(workspace.id),
        members: members.get(workspace.id) ?? null,
      }),
    ),
  });
}

const notFound = (id: string) => `There is no workspace with id ${isUuid(id) ? id : "(malformed)"}.`;

async function authorizeManage(database: Database, request: Pick<Request, "headers">, id: string) {
  const known = isUuid(id) ? (await listWorkspaces(database.prisma, [id.toLowerCase()]))[0] : undefined;
  return { workspace: known, auth: await authorize(database, request, "manageWorkspace", { workspaceId: known?.id ?? null, notFound: notFound(id) }) };
}

const settingsSchema = z.object({ blindAnnotators: z.boolean({ error: "must be true or false" }) }, { error: "must be an object { blindAnnotators }" });

export async function serveWorkspaceUpdate(database: Database, request: Pick<Request, "headers">, id: string, body: unknown): Promise<Response> {
  const { workspace, auth } = await authorizeManage(database, request, id);
  if (!auth.ok) return auth.response;
  const parsed = settingsSchema.safeParse(body);
  if (!parsed.success) return errorResponse(400, `Invalid workspace settings. ${problemsOf(parsed.error)}`, "WORKSPACE_INVALID");
  await setWorkspaceBlinding(database.prisma, workspace!.id, parsed.data.blindAnnotators);
  await recordAuditEvent(database.prisma, {
    ...auditActorOf(auth.actor),
    action: "workspace.update",
    targetType: "workspace",
    targetId: workspace!.id,
    workspaceId: workspace!.id,
    address: auth.address,
    details: { blindAnnotators: parsed.data.blindAnnotators },
  });
  return json({ workspace: { ...workspace!, blindAnnotators: parsed.data.blindAnnotators } });
}

const memberSchema = z.object(
  {
    username: z.string({ error: "must be a username" }).trim().toLowerCase().min(1, { error: "must not be empty" }).max(200),
    role: z.enum(WORKSPACE_ROLES, { error: `must be one of ${WORKSPACE_ROLES.join(", ")}` }),
  },
  { error: "must be an object { username, role }" },
);

async function changeMember(database: Database, request: Pick<Request, "headers">, id: string, username: string, role: WorkspaceRole | null): Promise<Response> {
  const { workspace, auth } = await authorizeManage(database, request, id);
  if (!auth.ok) return auth.response;
  const account = await findAccountByUsername(database.prisma, username);
  if (!account || account.username === LOCAL_USERNAME || account.disabledAt) {
    return errorResponse(role === null ? 404 : 400, `No active account "${username}".`, role === null ? "NOT_FOUND" : "MEMBER_INVALID");
  }
  const outcome = await changeWorkspaceRole(database.prisma, workspace!.id, account.id, role);
  if (outcome === "not-member") return errorResponse(404, `${username} is not a member of "${workspace!.name}".`, "NOT_FOUND");
  if (outcome === "last-admin") {
    return errorResponse(409, `${username} is the last admin of "${workspace!.name}"; give another account the admin role first.`, "LAST_ADMIN");
  }
  if (outcome === "changed") {
    await recordAuditEvent(database.prisma, {
      ...auditActorOf(auth.actor),
      action: role === null ? "role.remove" : "role.set",
      targetType: "user",
      targetId: account.id,
      workspaceId: workspace!.id,
      address: auth.address,
      details: role === null ? { username } : { username, role },
    });
  }
  return json({ member: role === null ? null : { userId: account.id, username: account.username, displayName: account.displayName, role } });
}

export async function serveMemberSet(database: Database, request: Pick<Request, "headers">, id: string, body: unknown): Promise<Response> {
  const parsed = memberSchema.safeParse(body);
  if (!parsed.success) return errorResponse(400, `Invalid member. ${problemsOf(parsed.error)}`, "MEMBER_INVALID");
  return changeMember(database, request, id, parsed.data.username, parsed.data.role);
}

export async function serveMemberRemove(database: Database, request: Pick<Request, "headers">, id: string, username: string): Promise<Response> {
  return changeMember(database, request, id, username.trim().toLowerCase(), null);
}
