import { findApiTokenUserId } from "../db/api-token.repository";
import { recordAuditEvent } from "../db/audit.repository";
import type { Database } from "../db/database";
import type { Actor } from "../domain/access/workspace-access";
import { errorResponse } from "../http/error-response";
import { isUuid } from "../http/search-params";
import { ApiTokenError, apiTokenErrorStatus } from "./api-token-error";
import { issueApiToken, listApiTokenViews, type NewApiTokenRequest, newApiTokenSchema, revokeApiTokenById } from "./api-token-service";
import type { ApiTokenListJson, ApiTokenRevokedJson } from "./api-token-view";
import { authorize } from "./authorize";
import { auditActorOf, refuseUnlessAnywhere, seesEverything } from "./workspace-checks";

/**
 * GET/POST /api/tokens and DELETE /api/tokens/:id: token management for the
 * workbench and `npm run token` talking to a running server. These are
 * workbench routes like the others (same-origin, no token needed); the
 * tokens they make are for the export pull API.
 *
 * With accounts on, managing tokens needs "manageTokens" in some workspace;
 * each user lists and revokes their own tokens (site administrators all of
 * them), and a token is made for the asker unless a site administrator names
 * another user. A token never grants more than its user may do (see
 * issueApiToken and authenticate-request.ts).
 */

type HeaderCarrier = Pick<Request, "headers">;

async function authorizeTokens(database: Database, request: HeaderCarrier): Promise<{ ok: true; actor: Actor; address: string } | { ok: false; response: Response }> {
  const auth = await authorize(database, request, "manageTokens");
  if (!auth.ok) return auth;
  const refused = refuseUnlessAnywhere(auth.actor, "manageTokens", "manage API tokens");
  return refused ? { ok: false, response: refused } : auth;
}

export async function serveApiTokenList(database: Database, request: HeaderCarrier): Promise<Response> {
  const auth = await authorizeTokens(database, request);
  if (!auth.ok) return auth.response;
  const filter = seesEverything(auth.actor) ? {} : { userId: auth.actor.userId };
  return json({ tokens: await listApiTokenViews(database, new Date(), filter) } satisfies ApiTokenListJson);
}

/** 201 with the token and its secret, the only answer that ever carries it. */
export async function serveApiTokenCreate(database: Database, request: HeaderCarrier, body: unknown): Promise<Response> {
  const auth = await authorizeTokens(database, request);
  if (!auth.ok) return auth.response;
  let asked = body as NewApiTokenRequest;
  if (auth.actor.kind === "account") {
    const parsed = newApiTokenSchema.safeParse(body);
    const username = parsed.success ? parsed.data.username : undefined;
    if (username !== undefined && username !== auth.actor.username && !auth.actor.siteAdmin) {
      return errorResponse(403, "Only a site administrator may make a token for another user; leave out the user to make one for yourself.", "FORBIDDEN");
    }
    // Without a name, the token is the asker's own, not the local researcher's of single-user mode.
    if (parsed.success && username === undefined) asked = { ...(body as NewApiTokenRequest), username: auth.actor.username };
  }
  const { actor, address } = auth;
  // issueApiToken validates its input whatever its static type, so the body goes in as it came.
  return answerTokenErrors(async () => {
    const created = await issueApiToken(database, asked);
    await recordAuditEvent(database.prisma, {
      ...auditActorOf(actor),
      action: "token.create",
      targetType: "token",
      targetId: created.token.id,
      address,
      details: { tokenId: created.token.id, owner: created.token.username, scopes: created.token.scopes },
    });
    return json(created, 201);
  });
}

/** Revokes (the row stays, marked revoked); revoking twice answers the same token. */
export async function serveApiTokenRevoke(database: Database, request: HeaderCarrier, id: string): Promise<Response> {
  const auth = await authorizeTokens(database, request);
  if (!auth.ok) return auth.response;
  const { actor, address } = auth;
  return answerTokenErrors(async () => {
    if (!seesEverything(actor)) {
      const ownerId = isUuid(id) ? await findApiTokenUserId(database.prisma, id.toLowerCase()) : null;
      // Another user's token answers as a missing one would.
      if (ownerId !== actor.userId) throw new ApiTokenError("TOKEN_NOT_FOUND", `There is no API token with id ${isUuid(id) ? id : "(malformed)"}.`);
    }
    const now = new Date();
    const token = await revokeApiTokenById(database, id, now);
    if (token.revokedAt === now.toISOString()) {
      await recordAuditEvent(database.prisma, { ...auditActorOf(actor), action: "token.revoke", targetType: "token", targetId: token.id, address, details: { tokenId: token.id, owner: token.username } });
    }
    return json({ token } satisfies ApiTokenRevokedJson);
  });
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
