import { z } from "zod";
import { readServerEnvironment } from "../config/env";
import type { Database } from "../db/database";
import { errorResponse } from "../http/error-response";
import { problemsOf } from "../http/zod-problems";
import { clientAddressOf, requestActor } from "./authorize";
import { clearSessionCookie, readSessionCookie, sessionCookie } from "./session-cookie";
import { logIn, logOut } from "./session-service";

/** POST /api/auth/login, POST /api/auth/logout and GET /api/auth/me. */

const loginSchema = z.object(
  {
    username: z.string({ error: "must be your username" }).trim().min(1, { error: "must not be empty" }).max(200),
    password: z.string({ error: "must be your password" }).min(1, { error: "must not be empty" }).max(1024),
  },
  { error: "must be an object { username, password }" },
);

const noStore = { "Cache-Control": "no-store" };

/** Cookies are Secure when the request came over HTTPS (directly or, as the proxy says, in front). */
function isSecure(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

export async function serveLogin(database: Database, request: Request, body: unknown): Promise<Response> {
  if (readServerEnvironment().ACCOUNTS === "off") return errorResponse(400, "This workbench has no accounts (ACCOUNTS=off): there is nothing to log in to.", "ACCOUNTS_OFF");
  const parsed = loginSchema.safeParse(body);
  if (!parsed.success) return errorResponse(400, `Invalid login. ${problemsOf(parsed.error)}`, "LOGIN_INVALID");
  const result = await logIn(database, { ...parsed.data, address: clientAddressOf(request) });
  if (!result.ok) {
    const response = errorResponse(result.status, result.message, result.status === 429 ? "LOGIN_RATE_LIMITED" : "LOGIN_FAILED");
    if (result.retryAfterSeconds) response.headers.set("Retry-After", String(result.retryAfterSeconds));
    return response;
  }
  return Response.json(
    { username: result.username },
    { headers: { ...noStore, "Set-Cookie": sessionCookie(result.token, { secure: isSecure(request), maxAgeSeconds: result.maxAgeSeconds }) } },
  );
}

export async function serveLogout(database: Database, request: Request): Promise<Response> {
  await logOut(database, readSessionCookie(request.headers.get("cookie")), clientAddressOf(request));
  return Response.json({ loggedOut: true }, { headers: { ...noStore, "Set-Cookie": clearSessionCookie({ secure: isSecure(request) }) } });
}

export interface MeJson {
  accounts: boolean;
  user: { id: string; username: string; siteAdmin: boolean; roles: Record<string, string> } | null;
}

export async function serveMe(database: Database, request: Request): Promise<Response> {
  const accounts = readServerEnvironment().ACCOUNTS === "on";
  const actor = await requestActor(database, request);
  const user =
    actor === null
      ? null
      : actor.kind === "local"
        ? { id: actor.userId, username: actor.username, siteAdmin: true, roles: {} }
        : { id: actor.userId, username: actor.username, siteAdmin: actor.siteAdmin, roles: Object.fromEntries(actor.roles) };
  return Response.json({ accounts, user } satisfies MeJson, { status: user ? 200 : 401, headers: noStore });
}
