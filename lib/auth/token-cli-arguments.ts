import type { ApiTokenView } from "./api-token-view";
import { TokenCliError } from "./token-cli-error";

/** `npm run token -- create|list|revoke`: the command line, read, and the list printed as a table. */

export const TOKEN_USAGE = `Usage:
  npm run token -- create --name NAME [--user USERNAME] [--expires-in-days DAYS]
      Creates an API token that can read finished exports (scope exports:read)
      and prints its secret once. Without --user it acts as the local researcher.
  npm run token -- list
      Lists tokens (never their secrets): id, name, user, status, dates.
  npm run token -- revoke ID
      Revokes a token; it stops working at once.

Use a token as the header  Authorization: Bearer <secret>  on /api/exports.`;

export type TokenCommand =
  | { kind: "help" }
  | { kind: "list" }
  | { kind: "revoke"; id: string }
  | { kind: "create"; name: string; username?: string; expiresInDays?: number };

const CREATE_OPTIONS = { "--name": "name", "--user": "username", "--expires-in-days": "expiresInDays" } as const;

export function parseTokenArguments(argv: readonly string[]): TokenCommand {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === "help" || verb === "--help" || verb === "-h") return { kind: "help" };
  if (verb === "list") {
    if (rest.length > 0) throw usage(`"list" takes no arguments, got ${rest.join(" ")}`);
    return { kind: "list" };
  }
  if (verb === "revoke") {
    if (rest.length !== 1 || rest[0]!.startsWith("-")) throw usage('"revoke" takes one token id (see "npm run token -- list")');
    return { kind: "revoke", id: rest[0]! };
  }
  if (verb === "create") return parseCreate(rest);
  throw usage(`unknown command "${verb}"; use create, list or revoke`);
}

function parseCreate(args: readonly string[]): TokenCommand {
  const values: Partial<Record<(typeof CREATE_OPTIONS)[keyof typeof CREATE_OPTIONS], string>> = {};
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const equals = arg.indexOf("=");
    const flag = equals > 0 ? arg.slice(0, equals) : arg;
    if (!(flag in CREATE_OPTIONS)) throw usage(`unknown option "${flag}" for "create"`);
    const key = CREATE_OPTIONS[flag as keyof typeof CREATE_OPTIONS];
    const value = equals > 0 ? arg.slice(equals + 1) : args[++index];
    if (value === undefined || value.startsWith("--")) throw usage(`${flag} needs a value`);
    if (values[key] !== undefined) throw usage(`${flag} is given twice`);
    values[key] = value;
  }
  if (values.name === undefined || values.name.trim() === "") throw usage('"create" needs --name NAME, e.g. --name "training server"');
  const command: TokenCommand = { kind: "create", name: values.name };
  if (values.username !== undefined) command.username = values.username;
  if (values.expiresInDays !== undefined) {
    if (!/^\d+$/.test(values.expiresInDays)) throw usage(`--expires-in-days must be a whole number of days, got "${values.expiresInDays}"`);
    command.expiresInDays = Number(values.expiresInDays);
  }
  return command;
}

function usage(message: string): TokenCliError {
  return new TokenCliError("TOKEN_USAGE", message);
}

/** A plain-text table, times in UTC to the minute; "never" for a token not used or not expiring. */
export function formatTokenTable(tokens: readonly ApiTokenView[]): string {
  if (tokens.length === 0) return 'No API tokens yet. Create one with: npm run token -- create --name NAME';
  const header = ["ID", "NAME", "USER", "STATUS", "CREATED (UTC)", "LAST USED", "EXPIRES"];
  const rows = tokens.map((token) => [
    token.id,
    token.name,
    token.username,
    token.status === "revoked" && token.revokedAt ? `revoked ${minute(token.revokedAt)}` : token.status,
    minute(token.createdAt),
    token.lastUsedAt ? minute(token.lastUsedAt) : "never",
    token.expiresAt ? minute(token.expiresAt) : "never",
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  return [header, ...rows].map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd()).join("\n");
}

function minute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
