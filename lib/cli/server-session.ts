import { AppError } from "../domain/app-error";

/**
 * CLIs that work through the running server (`npm run import`, `analyze`,
 * `export`, `token` beside an embedded database) act as a person when the
 * server has accounts on: they log in like the browser does, send the
 * session cookie with each request, and log out when done, so what they do
 * is checked against that person's roles and on record under their name.
 */

export class ServerLoginError extends AppError {
  override readonly name = "ServerLoginError";
  readonly code = "SERVER_LOGIN_FAILED";
}

export interface Credentials {
  username: string;
  password: string;
}

export interface ServerSession {
  /** To send with every request: the session cookie, or nothing when the server has accounts off. */
  headers: Record<string, string>;
  /** Who the CLI acts as; null with accounts off (the local researcher). */
  username: string | null;
  close(): Promise<void>;
}

/** Asks the server whether it wants a login (GET /api/auth/me) and, if so, logs in with the credentials asked for. */
export async function openServerSession(url: string, askCredentials: () => Promise<Credentials>): Promise<ServerSession> {
  const me = await fetch(`${url}/api/auth/me`);
  const about = (await me.json().catch(() => ({}))) as { accounts?: unknown };
  if (me.ok || about.accounts !== true) return { headers: {}, username: null, close: async () => undefined };
  const { username, password } = await askCredentials();
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) {
    const refusal = (await login.json().catch(() => ({}))) as { error?: unknown };
    throw new ServerLoginError(`The server at ${url} has accounts on and refused the login: ${typeof refusal.error === "string" ? refusal.error : `HTTP ${login.status}`}`);
  }
  const cookie = login.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new ServerLoginError(`The server at ${url} accepted the login but set no session cookie.`);
  const headers = { cookie };
  return {
    headers,
    username,
    close: async () => {
      // Ends the session at once rather than leaving it to expire; a server already gone has ended it anyway.
      await fetch(`${url}/api/auth/logout`, { method: "POST", headers }).catch(() => undefined);
    },
  };
}
