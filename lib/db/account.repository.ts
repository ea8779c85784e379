import type { WorkspaceRole } from "../domain/access/workspace-access";
import type { PrismaClient } from "./generated/client";

/**
 * Accounts, their sessions and their workspace roles. Passwords arrive here
 * already hashed (lib/auth/password-hash.ts) and session tokens as their
 * SHA-256 (lib/auth/session-token.ts).
 */

export interface AccountRecord {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string | null;
  isAdmin: boolean;
  disabledAt: Date | null;
}

const ACCOUNT_SELECT = { id: true, username: true, displayName: true, passwordHash: true, isAdmin: true, disabledAt: true } as const;

export async function findAccountByUsername(prisma: PrismaClient, username: string): Promise<AccountRecord | null> {
  return prisma.user.findUnique({ where: { username }, select: ACCOUNT_SELECT });
}

export async function createAccount(
  prisma: PrismaClient,
  account: { username: string; displayName: string; passwordHash: string; isAdmin: boolean },
): Promise<AccountRecord> {
  return prisma.user.create({ data: account, select: ACCOUNT_SELECT });
}

export async function setAccountPassword(prisma: PrismaClient, userId: string, passwordHash: string): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { passwordHash } });
}

/** Disables the account and revokes its sessions in one transaction. */
export async function disableAccount(prisma: PrismaClient, userId: string, now: Date): Promise<void> {
  await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data: { disabledAt: now } }),
    prisma.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } }),
  ]);
}

export async function listAccounts(prisma: PrismaClient): Promise<(AccountRecord & { createdAt: Date })[]> {
  return prisma.user.findMany({ orderBy: { username: "asc" }, select: { ...ACCOUNT_SELECT, createdAt: true } });
}

export async function countPasswordAccounts(prisma: PrismaClient): Promise<number> {
  return prisma.user.count({ where: { passwordHash: { not: null }, disabledAt: null } });
}

export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export async function createSession(prisma: PrismaClient, session: { userId: string; tokenHash: string; expiresAt: Date; address: string; now: Date }): Promise<string> {
  const row = await prisma.session.create({
    data: { userId: session.userId, tokenHash: session.tokenHash, expiresAt: session.expiresAt, address: session.address, createdAt: session.now, lastSeenAt: session.now },
    select: { id: true },
  });
  return row.id;
}

/** The session of a token hash with its account and roles, or null. */
export async function findSessionByTokenHash(
  prisma: PrismaClient,
  tokenHash: string,
): Promise<(SessionRecord & { account: AccountRecord; roles: Map<string, WorkspaceRole> }) | null> {
  const row = await prisma.session.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      userId: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { ...ACCOUNT_SELECT, memberships: { select: { workspaceId: true, role: true } } } },
    },
  });
  if (!row) return null;
  const { user, ...session } = row;
  const { memberships, ...account } = user;
  return { ...session, account, roles: new Map(memberships.map((membership) => [membership.workspaceId, membership.role])) };
}

export async function touchSession(prisma: PrismaClient, id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
  await prisma.session.update({ where: { id }, data: { lastSeenAt, expiresAt } });
}

/** Ends every open session of the account (a new password, a disabled account). */
export async function revokeSessionsOf(prisma: PrismaClient, userId: string, now: Date): Promise<void> {
  await prisma.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
}

export async function revokeSession(prisma: PrismaClient, id: string, now: Date): Promise<void> {
  await prisma.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
}

export async function setWorkspaceRole(prisma: PrismaClient, workspaceId: string, userId: string, role: WorkspaceRole): Promise<void> {
  await prisma.workspaceMember.upsert({ where: { workspaceId_userId: { workspaceId, userId } }, create: { workspaceId, userId, role }, update: { role } });
}

export async function findWorkspaceByName(prisma: PrismaClient, name: string): Promise<{ id: string; name: string } | null> {
  return prisma.workspace.findUnique({ where: { name }, select: { id: true, name: true } });
}

export async function createWorkspace(prisma: PrismaClient, name: string, options: { description?: string; blindAnnotators?: boolean } = {}): Promise<{ id: string; name: string }> {
  return prisma.workspace.create({
    data: { name, description: options.description ?? "", blindAnnotators: options.blindAnnotators ?? false },
    select: { id: true, name: true },
  });
}

export async function setWorkspaceBlinding(prisma: PrismaClient, workspaceId: string, blindAnnotators: boolean): Promise<void> {
  await prisma.workspace.update({ where: { id: workspaceId }, data: { blindAnnotators } });
}

/** Moves a corpus, and so its recordings, patients' data and labels, to another workspace; null when there is no such corpus. */
export async function moveCorpusToWorkspace(prisma: PrismaClient, corpusName: string, workspaceId: string): Promise<{ id: string; fromWorkspaceId: string } | null> {
  const corpus = await prisma.corpus.findUnique({ where: { name: corpusName }, select: { id: true, workspaceId: true } });
  if (!corpus) return null;
  await prisma.corpus.update({ where: { id: corpus.id }, data: { workspaceId } });
  return { id: corpus.id, fromWorkspaceId: corpus.workspaceId };
}
