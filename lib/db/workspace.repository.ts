import type { WorkspaceRole } from "../domain/access/workspace-access";
import type { PrismaClient } from "./generated/client";

/** Workspaces and their members, for the workspace management routes (lib/auth/serve-workspaces.ts). */

export interface WorkspaceMemberView {
  userId: string;
  username: string;
  displayName: string;
  role: WorkspaceRole;
}

export interface WorkspaceSummary {
  id: string;
  name: string;
  blindAnnotators: boolean;
  corpusCount: number;
}

/** By name; `ids` narrows to those workspaces (undefined: all). */
export async function listWorkspaces(prisma: PrismaClient, ids?: readonly string[]): Promise<WorkspaceSummary[]> {
  const rows = await prisma.workspace.findMany({
    where: ids ? { id: { in: [...ids] } } : {},
    orderBy: { name: "asc" },
    select: { id: true, name: true, blindAnnotators: true, _count: { select: { corpora: true } } },
  });
  return rows.map((row) => ({ id: row.id, name: row.name, blindAnnotators: row.blindAnnotators, corpusCount: row._count.corpora }));
}

/** Each workspace's members, by username. */
export async function listWorkspaceMembers(prisma: PrismaClient, workspaceIds: readonly string[]): Promise<Map<string, WorkspaceMemberView[]>> {
  const rows = await prisma.workspaceMember.findMany({
    where: { workspaceId: { in: [...workspaceIds] } },
    orderBy: { user: { username: "asc" } },
    select: { workspaceId: true, role: true, user: { select: { id: true, username: true, displayName: true } } },
  });
  const members = new Map<string, WorkspaceMemberView[]>(workspaceIds.map((id) => [id, []]));
  for (const row of rows) members.get(row.workspaceId)?.push({ userId: row.user.id, username: row.user.username, displayName: row.user.displayName, role: row.role });
  return members;
}

export type RoleChange = "changed" | "unchanged" | "last-admin" | "not-member";

/**
 * Gives the account `role` in the workspace, or removes it (role null),
 * unless that would leave the workspace without an admin. The admins' rows
 * are locked first, so two admins demoting each other at once cannot both
 * succeed.
 */
export async function changeWorkspaceRole(prisma: PrismaClient, workspaceId: string, userId: string, role: WorkspaceRole | null): Promise<RoleChange> {
  return prisma.$transaction(async (tx) => {
    const admins = await tx.$queryRaw<{ userId: string }[]>`
      SELECT "userId"::text AS "userId" FROM "WorkspaceMember" WHERE "workspaceId" = ${workspaceId}::uuid AND role = 'admin' FOR UPDATE`;
    const current = await tx.workspaceMember.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { role: true } });
    if (role === null && !current) return "not-member";
    if (current?.role === role) return "unchanged";
    const losesAdmin = current?.role === "admin" && role !== "admin";
    if (losesAdmin && admins.length <= 1) return "last-admin";
    if (role === null) await tx.workspaceMember.delete({ where: { workspaceId_userId: { workspaceId, userId } } });
    else await tx.workspaceMember.upsert({ where: { workspaceId_userId: { workspaceId, userId } }, create: { workspaceId, userId, role }, update: { role } });
    return "changed";
  });
}
