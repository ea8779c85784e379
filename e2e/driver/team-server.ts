/** The accounts server of the end-to-end tests (see serve-team.ts and team-accounts.spec.ts). */
export const TEAM_SERVER_URL = "http://127.0.0.1:3212";

/** One password for every test account: the spec logs in through the login page with it. */
export const TEAM_PASSWORD = "team e2e password 2026";

/** In the Default workspace, which the server blinds. */
export const TEAM_ACCOUNTS = {
  lead: "admin",
  rita: "reviewer",
  ana: "annotator",
  vic: "viewer",
} as const;

/** A site administrator, who alone reads the audit log. */
export const SITE_ADMIN = "root";

export type TeamMember = keyof typeof TEAM_ACCOUNTS | typeof SITE_ADMIN;
