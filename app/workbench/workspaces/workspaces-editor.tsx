"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { WorkspaceJson } from "@/lib/auth/serve-workspaces";
import { WORKSPACE_ROLES, type WorkspaceRole } from "@/lib/domain/access/workspace-access";
import { fetchJson } from "../api-fetch";
import styles from "../agreement/agreement.module.css";

const workspacesKey = ["workspaces"] as const;

const send = (method: "PUT" | "PATCH" | "DELETE", url: string, body?: unknown) =>
  fetchJson<unknown>(url, { method, ...(body === undefined ? {} : { headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }) });

/**
 * The asker's workspaces and their role in each; where they are an admin,
 * the members with their roles (change, remove, add) and the blinding
 * switch. The server checks every change and keeps one admin per workspace.
 */
export function WorkspacesEditor() {
  const workspaces = useQuery({
    queryKey: workspacesKey,
    queryFn: ({ signal }) => fetchJson<{ workspaces: WorkspaceJson[] }>("/api/workspaces", { signal }),
    retry: false,
  });
  return (
    <div className={styles.editor} data-testid="workspaces-editor">
      {workspaces.isError && (
        <p role="alert" className={styles.problem}>
          {workspaces.error.message}
        </p>
      )}
      <div className={styles.body}>
        {workspaces.data?.workspaces.length === 0 && <p className={styles.meta}>You are not a member of any workspace yet.</p>}
        {workspaces.data?.workspaces.map((workspace) => <WorkspaceSection key={workspace.id} workspace={workspace} />)}
      </div>
    </div>
  );
}

function WorkspaceSection({ workspace }: { workspace: WorkspaceJson }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: workspacesKey });
  const base = `/api/workspaces/${workspace.id}`;
  const change = useMutation({
    mutationFn: ({ username, role }: { username: string; role: WorkspaceRole | null }) =>
      role === null ? send("DELETE", `${base}/members/${encodeURIComponent(username)}`) : send("PUT", `${base}/members`, { username, role }),
    onSuccess: refresh,
  });
  const blind = useMutation({ mutationFn: (blindAnnotators: boolean) => send("PATCH", base, { blindAnnotators }), onSuccess: refresh });
  const [newName, setNewName] = useState("");
  const [newRole, setNewRole] = useState<WorkspaceRole>("annotator");
  const problem = change.error ?? blind.error;

  return (
    <section aria-label={`Workspace ${workspace.name}`} data-testid="workspace-section">
      <h3>{workspace.name}</h3>
      <p className={styles.meta}>
        {workspace.corpusCount} {workspace.corpusCount === 1 ? "corpus" : "corpora"} · your role: {workspace.role ?? "every permission (site administrator)"} ·{" "}
        {workspace.blindAnnotators ? "annotators work blind" : "not blinded"}
      </p>
      {workspace.canManage && (
        <>
          <label>
            <input type="checkbox" checked={workspace.blindAnnotators} disabled={blind.isPending} onChange={(event) => blind.mutate(event.target.checked)} /> Blind annotators and viewers
            to the model&apos;s outputs and to each other&apos;s labels
          </label>
          <table className={styles.table} aria-label={`Members of ${workspace.name}`}>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {workspace.members?.map((member) => (
                <tr key={member.userId} data-testid="member-row" data-username={member.username} data-role={member.role}>
                  <td>{member.username}</td>
                  <td>{member.displayName}</td>
                  <td>
                    <select
                      aria-label={`Role of ${member.username}`}
                      value={member.role}
                      disabled={change.isPending}
                      onChange={(event) => change.mutate({ username: member.username, role: event.target.value as WorkspaceRole })}
                    >
                      {WORKSPACE_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {role}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button type="button" className="button" disabled={change.isPending} onClick={() => change.mutate({ username: member.username, role: null })}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <form
            className={styles.toolbar}
            aria-label={`Add a member to ${workspace.name}`}
            onSubmit={(event) => {
              event.preventDefault();
              change.mutate({ username: newName.trim().toLowerCase(), role: newRole }, { onSuccess: () => setNewName("") });
            }}
          >
            <label>
              Add account
              <input value={newName} onChange={(event) => setNewName(event.target.value)} placeholder="username" size={16} />
            </label>
            <label>
              as
              <select value={newRole} onChange={(event) => setNewRole(event.target.value as WorkspaceRole)}>
                {WORKSPACE_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {role}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button" disabled={newName.trim() === "" || change.isPending}>
              Add
            </button>
          </form>
        </>
      )}
      {problem && (
        <p role="alert" className={styles.problem}>
          {problem.message}
        </p>
      )}
    </section>
  );
}
