import { serveApiTokenCreate, serveApiTokenList } from "@/lib/auth/serve-api-tokens";
import { getServerDatabase } from "@/lib/db/server-database";
import { readJsonBody } from "../request-guard";

export const dynamic = "force-dynamic";

/** API tokens (never their secrets), newest first, revoked and expired ones included. */
export async function GET(request: Request): Promise<Response> {
  return serveApiTokenList(await getServerDatabase(), request);
}

/** Creates a token. Body: { name, username?, scopes?, expiresInDays? }; 201 with { token, secret }, the secret shown this once. */
export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  return serveApiTokenCreate(await getServerDatabase(), request, read.body);
}
