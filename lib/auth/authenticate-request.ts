import { readServerEnvironment } from "../config/env";
import { findUsableApiToken, recordApiTokenUse, type UsableApiToken } from "../db/api-token.repository";
import { recordAuditEvent } from "../db/audit.repository";
import type { Database } from "../db/database";
import type { Actor } from "../domain/access/workspace-access";
import { type ApiScope, grantsScope } from "./api-scopes";
import { clientAddressOf } from "./authorize";
import { readBearerSecret } from "./bearer-token";
import { hashTokenSecret } from "./token-secret";

/**
 * Authenticates a request to the token-protected API (the export pull API).
 *
 * Lookup is by the secret's SHA-256 through the unique index, not by comparing
 * secrets in code. Timing of that lookup can at most hint at a prefix of a
 * stored *hash*, and knowing part of a hash does not help find a secret that
 * produces it, so a constant-time comparison would add nothing.
 *
 * A token acts as its user: with accounts on, with that user's workspace
 * roles as they are now (a token outlives a role it was made under), so the
 * routes behind it check them like a session's; with accounts off, as the
 * researcher of single-user mode, who may do everything.
 */

export const API_TOKEN_REQUIRED_MESSAGE = "A valid API token is required (Authorization: Bearer …).";

/** lastUsedAt is kept to the minute: one write per token per minute, not one per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export interface AuthenticatedToken {
  tokenId: string;
  userId: string;
  scopes: string[];
  /** The token's user as an actor, for the routes' workspace checks and the audit log. */
  actor: Actor;
  /** The client address, for the audit log. */
  address: string;
}

export type ApiAuthentication = { ok: true; token: AuthenticatedToken } | { ok: false; response: Response };

/**
 * Missing, malformed, unknown, revoked and expired tokens all get the same
 * 401, so a caller learns nothing about which tokens exist; a valid token
 * without `scope` gets 403.
 */
export async function authenticateApiRequest(
  database: Database,
  request: Pick<Request, "headers">,
  scope: ApiScope,
  now: Date = new Date(),
): Promise<ApiAuthentication> {
  const secret = readBearerSecret(request.headers.get("authorization"));
  if (secret === null) return { ok: false, response: apiTokenRequiredResponse() };
  const token = await findUsableApiToken(database.prisma, hashTokenSecret(secret), now);
  if (!token) return { ok: false, response: apiTokenRequiredResponse() };
  if (!grantsScope(token.scopes, scope)) {
    return {
      ok: false,
      response: Response.json(
        { error: `This API token does not grant ${scope}; create a token with that scope.`, code: "TOKEN_SCOPE_MISSING" },
        { status: 403, headers: { "Cache-Control": "no-store" } },
      ),
    };
  }
  const actor = tokenActor(token);
  const address = clientAddressOf(request);
  // The lastUsedAt throttle also bounds the audit log: at most one token.use per token per minute.
  if (token.lastUsedAt === null || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    if (await recordApiTokenUse(database.prisma, token.id, now, LAST_USED_RESOLUTION_MS)) {
      await recordAuditEvent(database.prisma, {
        actorId: token.userId,
        actorName: token.user.username,
        action: "token.use",
        targetType: "token",
        targetId: token.id,
        address,
        details: { scope },
      });
    }
  }
  return { ok: true, token: { tokenId: token.id, userId: token.userId, scopes: token.scopes, actor, address } };
}

function tokenActor(token: UsableApiToken): Actor {
  if (readServerEnvironment().ACCOUNTS === "off") return { kind: "local", userId: token.userId, username: token.user.username };
  return { kind: "account", userId: token.userId, username: token.user.username, siteAdmin: token.user.isAdmin, roles: token.user.roles };
}

export function apiTokenRequiredResponse(): Response {
  return Response.json(
    { error: API_TOKEN_REQUIRED_MESSAGE },
    { status: 401, headers: { "Cache-Control": "no-store", "WWW-Authenticate": "Bearer" } },
  );
}
