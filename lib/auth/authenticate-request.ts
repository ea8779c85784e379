import { findUsableApiToken, recordApiTokenUse } from "../db/api-token.repository";
import type { Database } from "../db/database";
import { type ApiScope, grantsScope } from "./api-scopes";
import { readBearerSecret } from "./bearer-token";
import { hashTokenSecret } from "./token-secret";

/**
 * Authenticates a request to the token-protected API (the export pull API).
 *
 * Lookup is by the secret's SHA-256 through the unique index, not by comparing
 * secrets in code. Timing of that lookup can at most hint at a prefix of a
 * stored *hash*, and knowing part of a hash does not help find a secret that
 * produces it, so a constant-time comparison would add nothing.
 */

export const API_TOKEN_REQUIRED_MESSAGE = "A valid API token is required (Authorization: Bearer …).";

/** lastUsedAt is kept to the minute: one write per token per minute, not one per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export interface AuthenticatedToken {
  tokenId: string;
  userId: string;
  scopes: string[];
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
  if (token.lastUsedAt === null || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await recordApiTokenUse(database.prisma, token.id, now, LAST_USED_RESOLUTION_MS);
  }
  return { ok: true, token: { tokenId: token.id, userId: token.userId, scopes: token.scopes } };
}

export function apiTokenRequiredResponse(): Response {
  return Response.json(
    { error: API_TOKEN_REQUIRED_MESSAGE },
    { status: 401, headers: { "Cache-Control": "no-store", "WWW-Authenticate": "Bearer" } },
  );
}
