import type { WorkspaceRole } from "../domain/access/workspace-access";
import type { PrismaClient } from "./generated/client";

/**
 * API tokens: only the SHA-256 of a secret is stored (tokenHash, unique), so
 * a token is found by hashing what the client sends and looking the hash up.
 * Revocation keeps the row (with revokedAt) so the list shows what was
 * revoked and when.
 */

export interface ApiTokenRecord {
  id: string;
  name: string;
  userId: string;
  username: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** What authenticating a request needs of a token that may be used now, with what its user may do today. */
export interface UsableApiToken {
  id: string;
  userId: string;
  scopes: string[];
  lastUsedAt: Date | null;
  user: { username: string; isAdmin: boolean; roles: Map<string, WorkspaceRole> };
}

export interface NewApiToken {
  userId: string;
  name: string;
  tokenHash: string;
  scopes: readonly string[];
  expiresAt: Date | null;
}

export interface TokenOwner {
  id: string;
  username: string;
  isAdmin: boolean;
  roles: Map<string, WorkspaceRole>;
}

const USER_ACCESS_SELECT = { username: true, isAdmin: true, memberships: { select: { workspaceId: true, role: true } } } as const;

type UserAccessRow = { username: string; isAdmin: boolean; memberships: { workspaceId: string; role: WorkspaceRole }[] };

function accessOf({ memberships, ...user }: UserAccessRow): { username: string; isAdmin: boolean; roles: Map<string, WorkspaceRole> } {
  return { ...user, roles: new Map(memberships.map((membership) => [membership.workspaceId, membership.role])) };
}

const RECORD_SELECT = {
  id: true,
  name: true,
  userId: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  user: { select: { username: true } },
} as const;

type RecordRow = {
  id: string;
  name: string;
  userId: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  user: { username: string };
};

function toRecord({ user, ...row }: RecordRow): ApiTokenRecord {
  return { ...row, username: user.username };
}

/** The user a token is made for, with their roles, or null when no such user exists or the account is disabled. */
export async function findTokenOwner(prisma: PrismaClient, username: string): Promise<TokenOwner | null> {
  const row = await prisma.user.findFirst({ where: { username, disabledAt: null }, select: { id: true, ...USER_ACCESS_SELECT } });
  return row ? { id: row.id, ...accessOf(row) } : null;
}

export async function createApiToken(prisma: PrismaClient, token: NewApiToken): Promise<ApiTokenRecord> {
  const row = await prisma.apiToken.create({
    data: { userId: token.userId, name: token.name, tokenHash: token.tokenHash, scopes: [...token.scopes], expiresAt: token.expiresAt },
    select: RECORD_SELECT,
  });
  return toRecord(row);
}

/** Every token (or one user's), newest first; revoked and expired ones included so the list says what happened to them. */
export async function listApiTokens(prisma: PrismaClient, filter: { userId?: string } = {}): Promise<ApiTokenRecord[]> {
  const rows = await prisma.apiToken.findMany({
    where: filter.userId ? { userId: filter.userId } : {},
    select: RECORD_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return rows.map(toRecord);
}

/** The user a token acts as; null when there is no token with this id. */
export async function findApiTokenUserId(prisma: PrismaClient, id: string): Promise<string | null> {
  return (await prisma.apiToken.findUnique({ where: { id }, select: { userId: true } }))?.userId ?? null;
}

/**
 * Revokes a token; revoking it again keeps the first revocation's time.
 * Resolves null when there is no token with this id.
 */
export async function revokeApiToken(prisma: PrismaClient, id: string, now: Date): Promise<ApiTokenRecord | null> {
  await prisma.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  const row = await prisma.apiToken.findUnique({ where: { id }, select: RECORD_SELECT });
  return row ? toRecord(row) : null;
}

/**
 * The token with this hash if it may be used at `now`: not revoked, not
 * expired, and its user not disabled. The unique index does the comparison.
 */
export async function findUsableApiToken(prisma: PrismaClient, tokenHash: string, now: Date): Promise<UsableApiToken | null> {
  const row = await prisma.apiToken.findFirst({
    where: {
      tokenHash,
      revokedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      user: { disabledAt: null },
    },
    select: { id: true, userId: true, scopes: true, lastUsedAt: true, user: { select: USER_ACCESS_SELECT } },
  });
  return row ? { ...row, user: accessOf(row.user) } : null;
}

/**
 * Sets lastUsedAt to `now` unless it was set less than `resolutionMs` ago.
 * The condition is in the UPDATE, so concurrent requests (or several server
 * processes on one PostgreSQL) write at most once per interval. Resolves
 * whether it wrote.
 */
export async function recordApiTokenUse(prisma: PrismaClient, id: string, now: Date, resolutionMs: number): Promise<boolean> {
  const staleBefore = new Date(now.getTime() - resolutionMs);
  const { count } = await prisma.apiToken.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }] },
    data: { lastUsedAt: now },
  });
  return count > 0;
}
