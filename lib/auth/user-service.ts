import {
  createAccount,
  createWorkspace,
  disableAccount,
  findAccountByUsername,
  findWorkspaceByName,
  listAccounts,
  moveCorpusToWorkspace,
  revokeSessionsOf,
  setAccountPassword,
  setWorkspaceBlinding,
} from "../db/account.repository";
import { recordAuditEvent } from "../db/audit.repository";
import type { Database } from "../db/database";
import { isUniqueViolation } from "../db/database-errors";
import { LOCAL_USERNAME } from "../db/user.repository";
import { changeWorkspaceRole } from "../db/workspace.repository";
import type { WorkspaceRole } from "../domain/access/workspace-access";
import { hashPassword } from "./password-hash";
import { UserCliError } from "./user-cli-arguments";

/**
 * What `npm run user` does, apart from reading arguments and passwords, so
 * the integration tests run the same code. Each change is audited as made by
 * the command line ("cli").
 */

const CLI_ACTOR = { actorId: null, actorName: "cli" } as const;

async function account(database: Database, username: string) {
  const found = await findAccountByUsername(database.prisma, username);
  if (!found || found.username === LOCAL_USERNAME) throw new UserCliError(`There is no account "${username}".`);
  return found;
}

export async function createUser(database: Database, request: { username: string; displayName: string; admin: boolean; password: string }): Promise<string> {
  if (request.username === LOCAL_USERNAME) throw new UserCliError(`"${LOCAL_USERNAME}" is the single-user researcher's name; choose another.`);
  const passwordHash = await hashPassword(request.password);
  try {
    const created = await createAccount(database.prisma, { username: request.username, displayName: request.displayName, passwordHash, isAdmin: request.admin });
    await recordAuditEvent(database.prisma, { ...CLI_ACTOR, action: "user.create", targetType: "user", targetId: created.id, details: { username: created.username, admin: request.admin } });
    return created.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserCliError(`An account "${request.username}" exists already.`);
    throw error;
  }
}

export async function changePassword(database: Database, username: string, password: string, now = new Date()): Promise<void> {
  const found = await account(database, username);
  await setAccountPassword(database.prisma, found.id, await hashPassword(password));
  // A new password ends every session opened with the old one.
  await revokeSessionsOf(database.prisma, found.id, now);
  await recordAuditEvent(database.prisma, { ...CLI_ACTOR, action: "password.change", targetType: "user", targetId: found.id, details: { username } });
}

export async function disableUser(database: Database, username: string, now = new Date()): Promise<void> {
  const found = await account(database, username);
  await disableAccount(database.prisma, found.id, now);
  await recordAuditEvent(database.prisma, { ...CLI_ACTOR, action: "user.disable", targetType: "user", targetId: found.id, details: { username } });
}

/** Creates the workspace or, given `blind`, sets an existing one's blinding. Says which it did. */
export async function addWorkspace(database: Database, name: string, blind?: boolean): Promise<{ id: string; created: boolean }> {
  const existing = await findWorkspaceByName(database.prisma, name);
  if (existing) {
    if (blind === undefined) throw new UserCliError(`A workspace "${name}" exists already; give --blind or --unblind to change its blinding.`);
    await setWorkspaceBlinding(database.prisma, existing.id, blind);
    await recordAuditEvent(database.prisma, { ...CLI_ACTOR, action: "workspace.update", targetType: "workspace", targetId: existing.id, workspaceId: existing.id, details: { blindAnnotators: blind } });
    return { id: existing.id, created: false };
  }
  try {
    const workspace = await createWorkspace(database.prisma, name, { blindAnnotators: blind ?? false });
    await recordAuditEvent(database.prisma, { ...CLI_ACTOR, action: "workspace.create", targetType: "workspace", targetId: workspace.id, workspaceId: workspace.id, details: { blindAnnotators: blind ?? false } });
    return { id: workspace.id, created: true };
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserCliError(`A workspace "${name}" exists already.`);
    throw error;
  }
}

export async function moveCorpus(database: Database, corpusName: string, workspaceName: string): Promise<void> {
  const workspace = await findWorkspaceByName(database.prisma, workspaceName);
  if (!workspace) throw new UserCliError(`There is no workspace "${workspaceName}"; create it with: npm run user -- workspace "${workspaceName}"`);
  const moved = await moveCorpusToWorkspace(database.prisma, corpusName, workspace.id);
  if (!moved) throw new UserCliError(`There is no corpus "${corpusName}".`);
  await recordAuditEvent(database.prisma, { ...CLI_ACTOR, action: "corpus.move", targetType: "corpus", targetId: moved.id, workspaceId: workspace.id, details: { from: moved.fromWorkspaceId } });
}

/** Gives the account `role` in the workspace, or (role null) removes it; never the workspace's last admin. */
export async function setRole(database: Database, username: string, workspaceName: string, role: WorkspaceRole | null): Promise<void> {
  const found = await account(database, username);
  const workspace = await findWorkspaceByName(database.prisma, workspaceName);
  if (!workspace) throw new UserCliError(`There is no workspace "${workspaceName}"; create it with: npm run user -- workspace "${workspaceName}"`);
  const outcome = await changeWorkspaceRole(database.prisma, workspace.id, found.id, role);
  if (outcome === "not-member") throw new UserCliError(`${username} is not a member of "${workspaceName}".`);
  if (outcome === "last-admin") throw new UserCliError(`${username} is the last admin of "${workspaceName}"; give another account the admin role first.`);
  if (outcome === "unchanged") return;
  await recordAuditEvent(database.prisma, {
    ...CLI_ACTOR,
    action: role === null ? "role.remove" : "role.set",
    targetType: "user",
    targetId: found.id,
    workspaceId: workspace.id,
    details: role === null ? { username } : { username, role },
  });
}

export async function listUsers(database: Database): Promise<string> {
  const accounts = (await listAccounts(database.prisma)).filter((entry) => entry.username !== LOCAL_USERNAME);
  if (accounts.length === 0) return "No accounts yet. Create the first administrator with: npm run user -- create --admin <username>";
  return accounts
    .map((entry) => `${entry.username.padEnd(24)} ${entry.isAdmin ? "administrator" : "member       "} ${entry.disabledAt ? "disabled" : "active  "} ${entry.displayName}`)
    .join("\n");
}
