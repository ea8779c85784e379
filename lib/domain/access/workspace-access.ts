/**
 * Who may do what, as data. A workspace role grants a set of permissions in
 * that workspace; a site administrator holds every permission everywhere;
 * the local researcher of single-user mode is one. Checked by every route
 * handler and server action through lib/auth/authorize.ts.
 */

export const WORKSPACE_ROLES = ["admin", "reviewer", "annotator", "viewer"] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

export type Permission =
  /** See recordings, audio, curves, labels, projections, cohorts, notebooks. */
  | "read"
  /** Record one's own annotations. */
  | "annotate"
  /** Set final labels, accept an annotator's label, edit regions. */
  | "label"
  /** Adjudicate between annotators. */
  | "review"
  /** Run analyses, projections, clusterings; write notebooks and cohorts. */
  | "analyse"
  /** Create exports and download them. */
  | "export"
  /** Create and revoke API tokens. */
  | "manageTokens"
  /** Add and remove members, change roles, assign recordings, import and delete corpora. */
  | "manageWorkspace";

const GRANTS: Readonly<Record<WorkspaceRole, ReadonlySet<Permission>>> = {
  viewer: new Set(["read"]),
  annotator: new Set(["read", "annotate"]),
  reviewer: new Set(["read", "annotate", "label", "review", "analyse"]),
  admin: new Set(["read", "annotate", "label", "review", "analyse", "export", "manageTokens", "manageWorkspace"]),
};

export function roleAllows(role: WorkspaceRole, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

export type Actor =
  /** Single-user mode: the one researcher at this machine may do everything. */
  | { kind: "local"; userId: string; username: string }
  | { kind: "account"; userId: string; username: string; siteAdmin: boolean; roles: ReadonlyMap<string, WorkspaceRole> };

/** Whether the actor may do `permission` in the workspace. */
export function actorCan(actor: Actor, permission: Permission, workspaceId: string): boolean {
  if (actor.kind === "local" || actor.siteAdmin) return true;
  const role = actor.roles.get(workspaceId);
  return role !== undefined && roleAllows(role, permission);
}

/** The workspaces where the actor may do `permission`; "all" for the local researcher and site administrators. */
export function workspacesWhere(actor: Actor, permission: Permission): "all" | string[] {
  if (actor.kind === "local" || actor.siteAdmin) return "all";
  return [...actor.roles].filter(([, role]) => roleAllows(role, permission)).map(([workspaceId]) => workspaceId);
}

const PERMISSION_WORDS: Readonly<Record<Permission, string>> = {
  read: "see this workspace's data",
  annotate: "annotate",
  label: "set final labels",
  review: "review annotations",
  analyse: "run analyses and write notebooks, cohorts and projections",
  export: "export data",
  manageTokens: "manage API tokens",
  manageWorkspace: "manage the workspace",
};

/** "Your role (annotator) in this workspace does not allow you to export data." */
export function refusalMessage(actor: Actor, permission: Permission, workspaceId: string): string {
  if (actor.kind === "account" && !actor.roles.has(workspaceId)) return "You are not a member of the workspace this belongs to.";
  const role = actor.kind === "account" ? actor.roles.get(workspaceId) : undefined;
  return `Your role${role ? ` (${role})` : ""} in this workspace does not allow you to ${PERMISSION_WORDS[permission]}.`;
}
