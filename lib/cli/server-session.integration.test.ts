import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "../auth/authorize";
import { hashPassword } from "../auth/password-hash";
import { serveApiTokenList } from "../auth/serve-api-tokens";
import { serveLogin, serveLogout, serveMe } from "../auth/serve-auth";
import { createAccount, createWorkspace, setWorkspaceRole } from "../db/account.repository";
import { createTestDatabase, type TestDatabase, testDatabaseMode } from "../db/testing/test-database";
import { openServerSession, ServerLoginError } from "./server-session";

/**
 * A CLI beside a running server with accounts on logs in as a person, sends
 * the session with each request, and logs out when done; with accounts off
 * it asks for nothing. The server here routes to the real handlers.
 */

let database: TestDatabase;
let server: Server;
let url: string;
const previousAccounts = process.env.ACCOUNTS;
const PASSWORD = "correct horse battery staple";

async function toRequest(incoming: IncomingMessage): Promise<{ request: Request; body: unknown }> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
  headers.set(CLIENT_ADDRESS_HEADER, "127.0.0.1");
  return { request: new Request(`${url}${incoming.url}`, { method: incoming.method, headers }), body: text ? (JSON.parse(text) as unknown) : undefined };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const hash = await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 });
  const ada = await createAccount(database.prisma, { username: "ada", displayName: "Ada", passwordHash: hash, isAdmin: false });
  await setWorkspaceRole(database.prisma, (await createWorkspace(database.prisma, "Lab")).id, ada.id, "admin");
  server = createServer((incoming, outgoing) => {
    void (async () => {
      const { request, body } = await toRequest(incoming);
      const route = `${incoming.method} ${new URL(request.url).pathname}`;
      const response =
        route === "GET /api/auth/me"
          ? await serveMe(database, request)
          : route === "POST /api/auth/login"
            ? await serveLogin(database, request, body)
            : route === "POST /api/auth/logout"
              ? await serveLogout(database, request)
              : route === "GET /api/tokens"
                ? await serveApiTokenList(database, request)
                : new Response("not found", { status: 404 });
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (previousAccounts === undefined) delete process.env.ACCOUNTS;
  else process.env.ACCOUNTS = previousAccounts;
  await database?.destroy();
});

describe(`CLI sessions with a running server ${testDatabaseMode()}`, () => {
  it("asks for nothing when the server has accounts off", async () => {
    process.env.ACCOUNTS = "off";
    let asked = false;
    const session = await openServerSession(url, async () => {
      asked = true;
      return { username: "ada", password: PASSWORD };
    });
    expect(asked).toBe(false);
    expect(session).toMatchObject({ headers: {}, username: null });
    expect((await fetch(`${url}/api/tokens`)).status).toBe(200);
    await session.close();
  });

  it("logs in with accounts on, acts as that person, and ends the session on close", async () => {
    process.env.ACCOUNTS = "on";
    expect((await fetch(`${url}/api/tokens`)).status).toBe(401);
    const session = await openServerSession(url, async () => ({ username: "ada", password: PASSWORD }));
    expect(session.username).toBe("ada");
    expect((await fetch(`${url}/api/tokens`, { headers: session.headers })).status).toBe(200);
    await session.close();
    expect((await fetch(`${url}/api/tokens`, { headers: session.headers })).status).toBe(401);
  });

  it("says the server refused a wrong password", async () => {
    process.env.ACCOUNTS = "on";
    const refused = openServerSession(url, async () => ({ username: "ada", password: "not the password at all" }));
    await expect(refused).rejects.toBeInstanceOf(ServerLoginError);
    await expect(openServerSession(url, async () => ({ username: "ada", password: "wrong again, twice over" }))).rejects.toThrow(/has accounts on and refused the login/);
  });
});
