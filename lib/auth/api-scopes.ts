import type { Permission } from "../domain/access/workspace-access";

/**
 * What an API token may do. Tokens reach data from outside the workbench, so
 * each names the only things it grants; today that is reading finished
 * exports, and a later scope (say, reading recordings) is added here.
 */
export const API_SCOPES = ["exports:read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** Tokens made without a choice of scope get exactly these. */
export const DEFAULT_API_SCOPES: readonly ApiScope[] = ["exports:read"];

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** A token's stored scopes may include ones this version no longer knows; only an exact match grants. */
export function grantsScope(scopes: readonly string[], scope: ApiScope): boolean {
  return scopes.includes(scope);
}

/** The workspace permission a scope stands for: with accounts on, a token may hold a scope only while its user holds that permission somewhere. */
export const SCOPE_PERMISSIONS: Readonly<Record<ApiScope, Permission>> = { "exports:read": "export" };
