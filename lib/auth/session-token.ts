import { createHash, randomBytes } from "node:crypto";

/**
 * Login sessions: a random token in the browser's cookie, only its SHA-256 in
 * the database (like API tokens: 256 random bits leave nothing to guess, so a
 * fast unsalted hash suffices and a stolen table holds no usable token), and
 * the pure rules for when a session stops being valid.
 */

const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface NewSessionToken {
  /** Goes into the cookie only; never stored or logged. */
  token: string;
  /** Lowercase hex SHA-256 of the token, as stored. */
  tokenHash: string;
}

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  /** The stored expiry, moved forward by `slidingExpiry` as the session is used. */
  expiresAt: Date;
  revokedAt: Date | null;
}

export interface SessionPolicy {
  /** A session unused for this long must log in again. */
  idleTimeoutMs: number;
  /** No session outlives this, however busy. */
  absoluteTimeoutMs: number;
}

export type SessionState = "active" | "expired" | "revoked" | "idle";

const HOUR_MS = 60 * 60 * 1000;

/**
 * Two idle hours cover a long listening session (audio requests count as use);
 * twelve hours in all means a fresh login each working day, which matters on
 * shared lab machines with patient recordings.
 */
export const DEFAULT_SESSION_POLICY: Readonly<SessionPolicy> = { idleTimeoutMs: 2 * HOUR_MS, absoluteTimeoutMs: 12 * HOUR_MS };

export function newSessionToken(random: (size: number) => Uint8Array = randomBytes): NewSessionToken {
  const token = Buffer.from(random(TOKEN_BYTES)).toString("base64url");
  return { token, tokenHash: hashSessionToken(token) };
}

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** True for a string shaped like a token we issue; anything else is refused without a database lookup. */
export function isWellFormedSessionToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/**
 * Revocation wins over everything, then the absolute lifetime ("expired"),
 * then inactivity ("idle"), then the stored expiry ("expired"). Each limit is
 * reached at its instant: a session is no longer active exactly then.
 */
export function sessionState(session: SessionTimes, now: Date, policy: Readonly<SessionPolicy>): SessionState {
  checkPolicy(policy);
  const at = now.getTime();
  if (session.revokedAt !== null) return "revoked";
  if (at >= session.createdAt.getTime() + policy.absoluteTimeoutMs) return "expired";
  if (at >= session.lastSeenAt.getTime() + policy.idleTimeoutMs) return "idle";
  if (at >= session.expiresAt.getTime()) return "expired";
  return "active";
}

/**
 * The expiry to store when the session is created or used at `now`: the idle
 * timeout from now, never past the absolute lifetime.
 */
export function slidingExpiry(session: Pick<SessionTimes, "createdAt">, now: Date, policy: Readonly<SessionPolicy>): Date {
  checkPolicy(policy);
  return new Date(Math.min(now.getTime() + policy.idleTimeoutMs, session.createdAt.getTime() + policy.absoluteTimeoutMs));
}

function checkPolicy({ idleTimeoutMs, absoluteTimeoutMs }: Readonly<SessionPolicy>): void {
  if (!(idleTimeoutMs > 0 && Number.isFinite(idleTimeoutMs))) throw new RangeError(`idleTimeoutMs must be a positive number of milliseconds, got ${idleTimeoutMs}`);
  if (!(absoluteTimeoutMs > 0 && Number.isFinite(absoluteTimeoutMs))) throw new RangeError(`absoluteTimeoutMs must be a positive number of milliseconds, got ${absoluteTimeoutMs}`);
}
