import {
  createSession,
  findAccountByUsername,
  findSessionByTokenHash,
  revokeSession,
  setAccountPassword,
  touchSession,
} from "../db/account.repository";
import { recordAuditEvent } from "../db/audit.repository";
import type { Database } from "../db/database";
import type { Actor } from "../domain/access/workspace-access";
import { LoginRateLimiter } from "./login-rate-limit";
import { CURRENT_SCRYPT_PARAMETERS, hashPassword, needsRehash, verifyPassword } from "./password-hash";
import { DEFAULT_SESSION_POLICY, hashSessionToken, isWellFormedSessionToken, newSessionToken, type SessionPolicy, sessionState, slidingExpiry } from "./session-token";

/**
 * Logging in and out, and the account behind a session cookie. Unknown
 * usernames cost the same scrypt work as known ones and answer the same
 * message, so neither timing nor wording tells which accounts exist.
 */

export type LoginResult =
  | { ok: true; token: string; maxAgeSeconds: number; username: string }
  | { ok: false; status: 401 | 429; message: string; retryAfterSeconds?: number };

export const LOGIN_FAILED_MESSAGE = "Wrong username or password.";

// One limiter per server process (the README says so for multi-process set-ups).
const limiter = new LoginRateLimiter();

let dummyHash: Promise<string> | undefined;
/** A hash of nothing anyone knows, with the current parameters, to verify against when the username is unknown. */
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`not-a-password-${Math.random()}-${Date.now()}`, CURRENT_SCRYPT_PARAMETERS);
  return dummyHash;
}

export async function logIn(
  database: Database,
  attempt: { username: string; password: string; address: string },
  now = new Date(),
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<LoginResult> {
  const username = attempt.username.trim();
  const decision = limiter.check(username, attempt.address || null, now);
  if (!decision.allowed) {
    await recordAuditEvent(database.prisma, { actorId: null, actorName: username.slice(0, 100), action: "login.failed", address: attempt.address, details: { reason: "rate-limited" } });
    return { ok: false, status: 429, message: `Too many failed logins; try again in ${decision.retryAfterSeconds} s.`, retryAfterSeconds: decision.retryAfterSeconds };
  }
  const account = await findAccountByUsername(database.prisma, username);
  const usable = account !== null && account.passwordHash !== null && account.disabledAt === null;
  const verified = await verifyPassword(attempt.password, usable ? account.passwordHash! : await dummyPasswordHash());
  if (!usable || !verified) {
    limiter.recordFailure(username, attempt.address || null, now);
    await recordAuditEvent(database.prisma, {
      actorId: account?.id ?? null,
      actorName: username.slice(0, 100),
      action: "login.failed",
      address: attempt.address,
      details: { reason: account === null ? "unknown-user" : account.disabledAt ? "disabled" : "wrong-password" },
    });
    return { ok: false, status: 401, message: LOGIN_FAILED_MESSAGE };
  }
  limiter.recordSuccess(username);
  if (needsRehash(account.passwordHash!)) await setAccountPassword(database.prisma, account.id, await hashPassword(attempt.password));
  // A new token at every login: a token planted before login (session fixation) never becomes valid.
  const { token, tokenHash } = newSessionToken();
  const expiresAt = slidingExpiry({ createdAt: now }, now, policy);
  await createSession(database.prisma, { userId: account.id, tokenHash, expiresAt, address: attempt.address, now });
  await recordAuditEvent(database.prisma, { actorId: account.id, actorName: account.username, action: "login", address: attempt.address });
  return { ok: true, token, maxAgeSeconds: Math.floor(policy.absoluteTimeoutMs / 1000), username: account.username };
}

// lastSeenAt is written at most once a minute per session, not on every request.
const TOUCH_RESOLUTION_MS = 60_000;

/** The account actor of a session token, or null when the token is unknown, expired, idle, revoked or its account disabled. */
export async function sessionActor(database: Database, token: string | null, now = new Date(), policy: SessionPolicy = DEFAULT_SESSION_POLICY): Promise<Actor | null> {
  if (token === null || !isWellFormedSessionToken(token)) return null;
  const session = await findSessionByTokenHash(database.prisma, hashSessionToken(token));
  if (!session || session.account.disabledAt !== null) return null;
  if (sessionState(session, now, policy) !== "active") return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_RESOLUTION_MS) {
    await touchSession(database.prisma, session.id, now, slidingExpiry(session, now, policy));
  }
  return { kind: "account", userId: session.account.id, username: session.account.username, siteAdmin: session.account.isAdmin, roles: session.roles };
}

export async function logOut(database: Database, token: string | null, address: string, now = new Date()): Promise<void> {
  if (token === null || !isWellFormedSessionToken(token)) return;
  const session = await findSessionByTokenHash(database.prisma, hashSessionToken(token));
  if (!session || session.revokedAt !== null) return;
  await revokeSession(database.prisma, session.id, now);
  await recordAuditEvent(database.prisma, { actorId: session.account.id, actorName: session.account.username, action: "logout", address });
}
