import { z } from "zod";
import { readServerEnvironment } from "../config/env";
import { type ApiTokenRecord, createApiToken, findTokenOwner, listApiTokens, revokeApiToken, type TokenOwner } from "../db/api-token.repository";
import type { Database } from "../db/database";
import { ensureLocalResearcher, LOCAL_USERNAME } from "../db/user.repository";
import { isUuid } from "../http/search-params";
import { roleAllows } from "../domain/access/workspace-access";
import { API_SCOPES, type ApiScope, DEFAULT_API_SCOPES, SCOPE_PERMISSIONS } from "./api-scopes";
import { ApiTokenError } from "./api-token-error";
import { apiTokenStatus, type ApiTokenCreatedJson, type ApiTokenView } from "./api-token-view";
import { generateTokenSecret } from "./token-secret";
import { problemsOf } from "../http/zod-problems";

/**
 * Creating, listing and revoking tokens, for the workbench's token routes and
 * `npm run token`. Authentication itself is in authenticate-request.ts.
 */

export const MAX_TOKEN_NAME_LENGTH = 100;
export const MAX_TOKEN_LIFETIME_DAYS = 3650;

export const newApiTokenSchema = z.object(
  {
    name: z
      .string({ error: "must be the token's name" })
      .trim()
      .min(1, { error: "must not be empty" })
      .max(MAX_TOKEN_NAME_LENGTH, { error: `must be at most ${MAX_TOKEN_NAME_LENGTH} characters` })
      // The name is shown in one-line lists and tables.
      .regex(/^\P{Cc}*$/u, { error: "must not contain line breaks or other control characters" }),
    /** The user the token acts as; the local researcher when absent. */
    username: z.string({ error: "must be a user name" }).trim().min(1, { error: "must not be empty" }).optional(),
    scopes: z
      .array(z.enum(API_SCOPES, { error: `must be one of: ${API_SCOPES.join(", ")}` }), { error: "must be a list of scopes" })
      .min(1, { error: "must name at least one scope" })
      .optional(),
    /** Absent: the token never expires (it can still be revoked). */
    expiresInDays: z
      .number({ error: "must be a number of days" })
      .int({ error: "must be a whole number of days" })
      .min(1, { error: "must be at least 1" })
      .max(MAX_TOKEN_LIFETIME_DAYS, { error: `must be at most ${MAX_TOKEN_LIFETIME_DAYS}` })
      .optional(),
  },
  { error: "must be an object { name, username?, scopes?, expiresInDays? }" },
);

export type NewApiTokenRequest = z.input<typeof newApiTokenSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Creates a token and answers its secret, the only time the secret exists outside the client. */
export async function issueApiToken(database: Database, request: NewApiTokenRequest, now: Date = new Date()): Promise<ApiTokenCreatedJson> {
  const parsed = newApiTokenSchema.safeParse(request);
  if (!parsed.success) throw new ApiTokenError("TOKEN_INVALID", `Invalid token. ${problemsOf(parsed.error)}`);
  const { name, username, scopes = DEFAULT_API_SCOPES, expiresInDays } = parsed.data;
  const owner = await tokenOwner(database, username);
  if (readServerEnvironment().ACCOUNTS === "on") checkOwnerMayHold(owner, scopes);
  const { secret, tokenHash } = generateTokenSecret();
  const record = await createApiToken(database.prisma, {
    userId: owner.id,
    name,
    tokenHash,
    scopes: [...new Set(scopes)],
    expiresAt: expiresInDays === undefined ? null : new Date(now.getTime() + expiresInDays * DAY_MS),
  });
  return { token: toApiTokenView(record, now), secret };
}

/** Every token, or with `userId` that user's only. */
export async function listApiTokenViews(database: Database, now: Date = new Date(), filter: { userId?: string } = {}): Promise<ApiTokenView[]> {
  return (await listApiTokens(database.prisma, filter)).map((record) => toApiTokenView(record, now));
}

export async function revokeApiTokenById(database: Database, id: string, now: Date = new Date()): Promise<ApiTokenView> {
  const record = isUuid(id) ? await revokeApiToken(database.prisma, id.toLowerCase(), now) : null;
  if (!record) throw new ApiTokenError("TOKEN_NOT_FOUND", `There is no API token with id ${isUuid(id) ? id : "(malformed)"}.`);
  return toApiTokenView(record, now);
}

export function toApiTokenView(record: ApiTokenRecord, now: Date): ApiTokenView {
  return {
    id: record.id,
    name: record.name,
    username: record.username,
    scopes: record.scopes,
    createdAt: record.createdAt.toISOString(),
    lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
    expiresAt: record.expiresAt?.toISOString() ?? null,
    revokedAt: record.revokedAt?.toISOString() ?? null,
    status: apiTokenStatus(record, now),
  };
}

/** With accounts on, a token grants no more than its user may do: each scope needs its permission in at least one workspace. */
function checkOwnerMayHold(owner: { username?: string; isAdmin?: boolean; roles?: TokenOwner["roles"] }, scopes: readonly ApiScope[]): void {
  if (owner.isAdmin) return;
  const roles = [...(owner.roles?.values() ?? [])];
  const refused = scopes.find((scope) => !roles.some((role) => roleAllows(role, SCOPE_PERMISSIONS[scope])));
  if (refused === undefined) return;
  throw new ApiTokenError(
    "TOKEN_SCOPE_NOT_ALLOWED",
    `${owner.username ? `User "${owner.username}"` : "The token's user"} holds no workspace role that allows "${SCOPE_PERMISSIONS[refused]}", so a token with ${refused} would grant nothing; ask a workspace administrator for such a role first.`,
  );
}

async function tokenOwner(database: Database, username: string | undefined): Promise<{ id: string; username?: string; isAdmin?: boolean; roles?: TokenOwner["roles"] }> {
  if (username === undefined || username === LOCAL_USERNAME) return ensureLocalResearcher(database.prisma);
  const owner = await findTokenOwner(database.prisma, username);
  // Tokens are never the way accounts come into being: a typo would make one.
  if (!owner) throw new ApiTokenError("TOKEN_OWNER_NOT_FOUND", `There is no active user named "${username}"; create the account first, or leave out the user to make the token for the local researcher.`);
  return owner;
}

