import "server-only";
import { headers } from "next/headers";

/**
 * Server actions are public endpoints: they authorize exactly as the route
 * handlers do, through the same serve functions, with the request's headers
 * (the session cookie and the client address the server set).
 */
export async function actionRequest(): Promise<Pick<Request, "headers">> {
  return { headers: new Headers(await headers()) };
}

/** A serve function's answer as an action's result value: the route's message when it refused. */
export async function actionResult<T>(response: Response, ok: (body: T) => Record<string, unknown>): Promise<{ ok: true } & Record<string, unknown> | { ok: false; error: string }> {
  const body = (await response.json().catch(() => null)) as (T & { error?: string }) | null;
  if (response.ok && body !== null) return { ok: true, ...ok(body) };
  return { ok: false, error: body?.error ?? `The server answered ${response.status}.` };
}
