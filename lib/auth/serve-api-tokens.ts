import type { Database } from "../db/database";
import { errorResponse } from "../http/error-response";
import { ApiTokenError, apiTokenErrorStatus } from "./api-token-error";
import { issueApiToken, listApiTokenViews, type NewApiTokenRequest, revokeApiTokenById } from "./api-token-service";
import type { ApiTokenListJson, ApiTokenRevokedJson } from "./api-token-view";

/**
 * GET/POST /api/tokens and DELETE /api/tokens/:id: token management for the
 * workbench and `npm run token` talking to a running server. These are
 * workbench routes like the others (same-origin, no token needed); the
 * tokens they make are for the export pull API.
 */

export async function serveApiTokenList(database: Database): Promise<Response> {
  return json({ tokens: await listApiTokenViews(database) } satisfies ApiTokenListJson);
}

/** 201 with the token and its secret, the only answer that ever carries it. */
export async function serveApiTokenCreate(database: Database, body: unknown): Promise<Response> {
  // issueApiToken validates its input whatever its static type, so the body goes in as it came.
  return answerTokenErrors(async () => json(await issueApiToken(database, body as NewApiTokenRequest), 201));
}

/** Revokes (the row stays, marked revoked); revoking twice answers the same token. */
export async function serveApiTokenRevoke(database: Database, id: string): Promise<Response> {
  return answerTokenErrors(async () => json({ token: await revokeApiTokenById(database, id) } satisfies ApiTokenRevokedJson));
}

async function answerTokenErrors(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiTokenError) return errorResponse(apiTokenErrorStatus(error.code), error.message, error.code);
    throw error;
  }
}

function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
