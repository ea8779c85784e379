import { readServerEnvironment } from "../config/env";
import type { Database } from "../db/database";
import { ensureLocalResearcher, LOCAL_USERNAME } from "../db/user.repository";
import { type Actor, actorCan, type Permission, refusalMessage } from "../domain/access/workspace-access";
import { errorResponse } from "../http/error-response";
import { sessionActor } from "./session-service";
import { readSessionCookie } from "./session-cookie";

/**
 * The check every route handler and server action makes before it reads or
 * changes anything: who is asking (the local researcher when ACCOUNTS=off,
 * else the account of the session cookie), and whether their role in the
 * workspace the resource belongs to allows it. A resource in a workspace the
 * account cannot read answers 404, as if it did not exist.
 */

/** Set by the server from the socket, replacing anything a client sent: the address for the audit log and the login limiter. */
export const CLIENT_ADDRESS_HEADER = "x-resonance-client-address";

export type Authorization = { ok: true; actor: Actor; address: string } | { ok: false; response: Response };

export function clientAddressOf(request: Pick<Request, "headers">): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? "";
}

/** The actor of a request, or null when accounts are on and nobody is logged in. */
export async function requestActor(database: Database, request: Pick<Request, "headers">): Promise<Actor | null> {
  if (readServerEnvironment().ACCOUNTS === "off") {
    const local = await ensureLocalResearcher(database.prisma);
    return { kind: "local", userId: local.id, username: LOCAL_USERNAME };
  }
  return sessionActor(database, readSessionCookie(request.headers.get("cookie")));
}

export const LOGIN_REQUIRED_MESSAGE = "Log in first: this workbench has accounts.";

/**
 * Authorizes `permission`. `workspaceId` is the workspace of the resource the
 * request touches (null when it does not exist, which answers 404 with
 * `notFound`); omit it for requests whose data the handler itself narrows to
 * the workspaces the actor may read.
 */
export async function authorize(
  database: Database,
  request: Pick<Request, "headers">,
  permission: Permission,
  scope?: { workspaceId: string | null; notFound: string },
): Promise<Authorization> {
  const actor = await requestActor(database, request);
  if (!actor) return { ok: false, response: errorResponse(401, LOGIN_REQUIRED_MESSAGE, "LOGIN_REQUIRED") };
  const address = clientAddressOf(request);
  if (!scope) return { ok: true, actor, address };
  if (scope.workspaceId === null || !actorCan(actor, "read", scope.workspaceId)) return { ok: false, response: errorResponse(404, scope.notFound, "NOT_FOUND") };
  if (!actorCan(actor, permission, scope.workspaceId)) return { ok: false, response: errorResponse(403, refusalMessage(actor, permission, scope.workspaceId), "FORBIDDEN") };
  return { ok: true, actor, address };
}

/** For requests that reach no one workspace (tokens, the audit log): site administrators, or the local researcher. */
export async function authorizeSiteAdmin(database: Database, request: Pick<Request, "headers">): Promise<Authorization> {
  const actor = await requestActor(database, request);
  if (!actor) return { ok: false, response: errorResponse(401, LOGIN_REQUIRED_MESSAGE, "LOGIN_REQUIRED") };
  if (actor.kind === "account" && !actor.siteAdmin) return { ok: false, response: errorResponse(403, "Only a site administrator may do this.", "FORBIDDEN") };
  return { ok: true, actor, address: clientAddressOf(request) };
}
