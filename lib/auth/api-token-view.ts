/**
 * The JSON the token routes answer with, shared by the workbench's token view
 * and `npm run token`. Pure: the client component imports these types.
 */
export type ApiTokenStatus = "active" | "revoked" | "expired";

export interface ApiTokenView {
  id: string;
  name: string;
  /** The user the token acts as. */
  username: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  status: ApiTokenStatus;
}

export interface ApiTokenListJson {
  tokens: ApiTokenView[];
}

/** The one answer that carries the secret; it is never retrievable again. */
export interface ApiTokenCreatedJson {
  token: ApiTokenView;
  secret: string;
}

export interface ApiTokenRevokedJson {
  token: ApiTokenView;
}

/** Revocation wins over expiry: a revoked token stays "revoked" after its expiry date passes. */
export function apiTokenStatus(token: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ApiTokenStatus {
  if (token.revokedAt !== null) return "revoked";
  if (token.expiresAt !== null && token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}
