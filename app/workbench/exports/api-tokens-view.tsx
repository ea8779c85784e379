"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import type { ApiTokenCreatedJson, ApiTokenListJson, ApiTokenRevokedJson, ApiTokenView } from "@/lib/auth/api-token-view";
import { fetchJson } from "../api-fetch";

/**
 * API tokens for the export pull API: the list (never secrets), a form that
 * creates one and shows its secret this once with a copy button, and revoke
 * after a confirmation in place.
 */

const apiTokenKeys = { all: ["api-tokens"] as const };

function apiTokensQuery() {
  return queryOptions({
    queryKey: apiTokenKeys.all,
    queryFn: async ({ signal }) => (await fetchJson<ApiTokenListJson>("/api/tokens", { signal })).tokens,
  });
}

function createApiToken(body: { name: string; expiresInDays?: number }): Promise<ApiTokenCreatedJson> {
  return fetchJson<ApiTokenCreatedJson>("/api/tokens", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

function revokeApiToken(id: string): Promise<ApiTokenRevokedJson> {
  return fetchJson<ApiTokenRevokedJson>(`/api/tokens/${encodeURIComponent(id)}`, { method: "DELETE" });
}

const LIFETIMES = [
  { label: "Never expires", days: undefined },
  { label: "30 days", days: 30 },
  { label: "90 days", days: 90 },
  { label: "1 year", days: 365 },
] as const;

const when = (iso: string | null, never = "never") => (iso ? new Date(iso).toLocaleString() : never);

export function ApiTokensView() {
  const tokens = useQuery(apiTokensQuery());
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [lifetime, setLifetime] = useState(0);
  const [created, setCreated] = useState<ApiTokenCreatedJson | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: apiTokenKeys.all });

  const create = useMutation({
    mutationFn: createApiToken,
    onSuccess: async (answer) => {
      setCreated(answer);
      setName("");
      await refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: revokeApiToken,
    onSuccess: async () => {
      setConfirming(null);
      await refresh();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const days = LIFETIMES[lifetime]?.days;
    create.mutate(days === undefined ? { name: name.trim() } : { name: name.trim(), expiresInDays: days });
  };

  return (
    <section aria-labelledby="api-tokens-title" data-testid="api-tokens-view">
      <h3 id="api-tokens-title">API tokens</h3>
      <p className="form-hint">
        Scripts on other machines pull finished exports from <code>/api/exports</code> with a token, sent as <code>Authorization: Bearer …</code>. Tokens
        can only read exports.
      </p>

      <form className="form-fields" onSubmit={submit} aria-label="Create an API token">
        <label htmlFor="api-token-name">Name</label>
        <input id="api-token-name" type="text" value={name} maxLength={100} placeholder="e.g. GPU server training" onChange={(event) => setName(event.target.value)} data-testid="api-token-name" />
        <label htmlFor="api-token-lifetime">Expires</label>
        <select id="api-token-lifetime" value={lifetime} onChange={(event) => setLifetime(Number(event.target.value))}>
          {LIFETIMES.map((option, index) => (
            <option key={option.label} value={index}>
              {option.label}
            </option>
          ))}
        </select>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={name.trim() === "" || create.isPending} data-testid="api-token-create">
            Create token
          </button>
        </div>
        {create.isError && (
          <p className="form-error" role="alert">
            {create.error.message}
          </p>
        )}
      </form>

      {created && <NewSecret created={created} onDone={() => setCreated(null)} />}

      {tokens.isPending && <p className="form-hint">Loading tokens…</p>}
      {tokens.isError && <p className="form-error">{tokens.error.message}</p>}
      {revoke.isError && (
        <p className="form-error" role="alert">
          {revoke.error.message}
        </p>
      )}
      {tokens.isSuccess && tokens.data.length === 0 && <p className="form-hint">No API tokens yet.</p>}
      {tokens.isSuccess && tokens.data.length > 0 && (
        <table aria-label="API tokens" style={{ width: "100%", borderCollapse: "collapse", fontSize: 12 }}>
          <thead>
            <tr>
              <th scope="col" style={{ textAlign: "left" }}>Name</th>
              <th scope="col" style={{ textAlign: "left" }}>Created</th>
              <th scope="col" style={{ textAlign: "left" }}>Last used</th>
              <th scope="col" style={{ textAlign: "left" }}>Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <TokenRow
                key={token.id}
                token={token}
                confirming={confirming === token.id}
                revoking={revoke.isPending}
                onAsk={() => setConfirming(token.id)}
                onConfirm={() => revoke.mutate(token.id)}
                onCancel={() => setConfirming(null)}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function statusText(token: ApiTokenView): string {
  if (token.status === "revoked") return `Revoked ${when(token.revokedAt)}`;
  if (token.status === "expired") return `Expired ${when(token.expiresAt)}`;
  return token.expiresAt ? `Active until ${when(token.expiresAt)}` : "Active";
}

function TokenRow(props: { token: ApiTokenView; confirming: boolean; revoking: boolean; onAsk: () => void; onConfirm: () => void; onCancel: () => void }) {
  const { token } = props;
  return (
    <tr data-testid="api-token-row" data-token-id={token.id} data-status={token.status}>
      <td title={`${token.username} · ${token.scopes.join(", ")}`}>{token.name}</td>
      <td>{when(token.createdAt)}</td>
      <td>{when(token.lastUsedAt)}</td>
      <td>{statusText(token)}</td>
      <td style={{ textAlign: "right", whiteSpace: "nowrap" }}>
        {token.status === "active" && !props.confirming && (
          <button type="button" className="link-button" onClick={props.onAsk} aria-label={`Revoke token ${token.name}`} data-testid="api-token-revoke">
            Revoke
          </button>
        )}
        {props.confirming && (
          <span role="alertdialog" aria-label={`Revoke ${token.name}?`}>
            Revoke? Scripts using it stop at once.
            <button type="button" className="link-button" disabled={props.revoking} onClick={props.onConfirm} data-testid="api-token-revoke-confirm">
              Revoke
            </button>
            <button type="button" className="link-button" onClick={props.onCancel}>
              Cancel
            </button>
          </span>
        )}
      </td>
    </tr>
  );
}

function NewSecret({ created, onDone }: { created: ApiTokenCreatedJson; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "by-hand">("idle");
  const copySecret = async () => {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopy("copied");
    } catch {
      // No clipboard outside a secure context (http:// on another host): select it for Ctrl+C.
      input.current?.select();
      setCopy("by-hand");
    }
  };
  return (
    <div role="region" aria-label="New API token secret" className="progress-block" data-testid="api-token-secret">
      <p>
        <strong>Copy the secret of “{created.token.name}” now.</strong> It is not stored and will not be shown again; if you lose it, revoke the token
        and create another.
      </p>
      <input ref={input} type="text" readOnly value={created.secret} aria-label="Token secret" onFocus={(event) => event.target.select()} style={{ fontFamily: "ui-monospace, monospace" }} data-testid="api-token-secret-value" />
      <div className="form-actions">
        <span role="status" className="form-hint">
          {copy === "copied" ? "Copied." : copy === "by-hand" ? "Selected: press Ctrl+C (⌘C) to copy." : ""}
        </span>
        <button type="button" className="button button--primary" onClick={() => void copySecret()} data-testid="api-token-copy">
          Copy
        </button>
        <button type="button" className="button" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
