// `npm run token -- create|list|revoke`: API tokens for the export pull API; see TOKEN_USAGE.
import path from "node:path";
import { issueApiToken, listApiTokenViews, type NewApiTokenRequest, revokeApiTokenById } from "../auth/api-token-service";
import type { ApiTokenCreatedJson, ApiTokenListJson, ApiTokenRevokedJson, ApiTokenView } from "../auth/api-token-view";
import { formatTokenTable, parseTokenArguments, TOKEN_USAGE } from "../auth/token-cli-arguments";
import { TokenCliError } from "../auth/token-cli-error";
import { readServerEnvironment } from "../config/env";
import { AppError } from "../domain/app-error";
import { openServerDatabase } from "../db/open-server-database";
import { readServerAddress } from "./server-address";
import { openServerSession } from "./server-session";
import { askCredentials } from "./terminal-input";

/**
 * Like `npm run import`, this goes through the server that owns the data
 * folder when one runs (an embedded database cannot be opened twice), and
 * opens the database itself otherwise. Either way the same service code runs.
 */
interface TokenStore {
  list(): Promise<ApiTokenView[]>;
  create(request: NewApiTokenRequest): Promise<ApiTokenCreatedJson>;
  revoke(id: string): Promise<ApiTokenView>;
  close(): Promise<void>;
}

const projectRoot = process.cwd();

try {
  const command = parseTokenArguments(process.argv.slice(2));
  if (command.kind === "help") {
    console.log(TOKEN_USAGE);
    process.exit(0);
  }
  const environment = readServerEnvironment();
  const server = readServerAddress(path.resolve(projectRoot, environment.DATA_DIR));
  const store = server ? await throughServer(server.url) : await inProcess();
  try {
    if (command.kind === "list") {
      console.log(formatTokenTable(await store.list()));
    } else if (command.kind === "revoke") {
      const token = await store.revoke(command.id);
      console.log(`Revoked API token "${token.name}" (${token.id}) at ${token.revokedAt}. Requests with it now get 401.`);
    } else {
      const { token, secret } = await store.create({ name: command.name, username: command.username, expiresInDays: command.expiresInDays });
      console.log(
        [
          `Created API token "${token.name}" (${token.id}) for user ${token.username}: ${token.scopes.join(", ")}, ` +
            (token.expiresAt ? `expires ${token.expiresAt}.` : "does not expire."),
          "",
          "Secret (shown only now; it is not stored and cannot be shown again):",
          "",
          `  ${secret}`,
          "",
          "Send it as the header  Authorization: Bearer <secret>  to /api/exports.",
        ].join("\n"),
      );
    }
  } finally {
    await store.close();
  }
} catch (error) {
  if (error instanceof TokenCliError && error.code === "TOKEN_USAGE") {
    console.error(`error: ${error.message}\n\n${TOKEN_USAGE}`);
    process.exit(1);
  }
  fail(error);
}

async function throughServer(url: string): Promise<TokenStore> {
  const session = await openServerSession(url, () => askCredentials(url));
  const call = async <T>(route: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(`${url}${route}`, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), ...session.headers } });
    const body = (await response.json().catch(() => ({}))) as T & { error?: string };
    if (!response.ok) throw new TokenCliError("TOKEN_SERVER_REFUSED", body.error ?? `The server at ${url} answered ${response.status}.`);
    return body;
  };
  return {
    list: async () => (await call<ApiTokenListJson>("/api/tokens")).tokens,
    create: (request) =>
      call<ApiTokenCreatedJson>("/api/tokens", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request) }),
    revoke: async (id) => (await call<ApiTokenRevokedJson>(`/api/tokens/${encodeURIComponent(id)}`, { method: "DELETE" })).token,
    close: () => session.close(),
  };
}

async function inProcess(): Promise<TokenStore> {
  // Refuses with "in use by PID …" when another process holds the embedded database.
  const database = await openServerDatabase();
  return {
    list: () => listApiTokenViews(database),
    create: (request) => issueApiToken(database, request),
    revoke: (id) => revokeApiTokenById(database, id),
    close: () => database.close(),
  };
}

// serve-workbench's exitWithError does the same, but importing it loads Next.js
// and the model runtime, seconds of start-up a token command has no use for.
function fail(error: unknown): never {
  if (error instanceof AppError || (error instanceof Error && error.name === "ConfigurationError")) console.error(`error: ${error.message}`);
  else console.error(error);
  process.exit(1);
}
