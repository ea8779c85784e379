import { AppError } from "../domain/app-error";
import { WORKSPACE_ROLES, type WorkspaceRole } from "../domain/access/workspace-access";

/** `npm run user -- …`: accounts and workspace roles from the command line. */

export const USER_USAGE = `Usage: npm run user -- <command>

  create <username> [--admin] [--display-name "Full Name"]
                      Creates an account; the password is asked for (or read from the first line of standard input).
                      --admin makes a site administrator: every workspace, users, tokens and the audit log.
  password <username> Sets a new password (asked for, or read from standard input); ends the account's sessions.
  disable <username>  Disables the account and ends its sessions (its labels and history stay).
  list                Lists accounts.
  workspace <name> [--blind | --unblind]
                      Creates a workspace, or changes an existing one's blinding. In a blinded workspace
                      annotators and viewers see neither each other's annotations nor the model's outputs.
  move <corpus> --workspace <name>
                      Moves a corpus (its recordings, labels and analyses) to another workspace.
  role <username> --workspace <name> --role admin|reviewer|annotator|viewer
                      Gives the account that role in the workspace ("Default" holds every corpus imported so far).
  role <username> --workspace <name> --remove
                      Takes the account out of the workspace (not its last admin).

Stop the server first when it runs on the embedded database (it holds the data folder).`;

export class UserCliError extends AppError {
  override readonly name = "UserCliError";
  readonly code = "USER_CLI_USAGE";
}

export type UserCommand =
  | { kind: "help" }
  | { kind: "create"; username: string; admin: boolean; displayName: string }
  | { kind: "password"; username: string }
  | { kind: "disable"; username: string }
  | { kind: "list" }
  /** `blind`: undefined leaves an existing workspace as it is (and creates an unblinded one). */
  | { kind: "workspace"; name: string; blind: boolean | undefined }
  | { kind: "move"; corpus: string; workspace: string }
  /** `role` null: remove the account from the workspace. */
  | { kind: "role"; username: string; workspace: string; role: WorkspaceRole | null };

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;

function username(value: string | undefined): string {
  if (value === undefined) throw new UserCliError(`Name the account.\n\n${USER_USAGE}`);
  const name = value.trim().toLowerCase();
  if (!USERNAME.test(name)) throw new UserCliError(`"${value}" is not a usable username: 2 to 63 characters, lower-case letters, digits, ".", "_" or "-", starting with a letter or digit.`);
  return name;
}

function options(args: readonly string[], allowed: Record<string, "flag" | "value">): { positional: string[]; values: Map<string, string | true> } {
  const positional: string[] = [];
  const values = new Map<string, string | true>();
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const kind = allowed[arg];
    if (!kind) throw new UserCliError(`Unknown option ${arg}.\n\n${USER_USAGE}`);
    if (kind === "flag") values.set(arg, true);
    else {
      const value = args[++index];
      if (value === undefined || value.startsWith("--")) throw new UserCliError(`${arg} needs a value.`);
      values.set(arg, value);
    }
  }
  return { positional, values };
}

export function parseUserArguments(argv: readonly string[]): UserCommand {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case "help":
    case "--help":
    case "-h":
      return { kind: "help" };
    case "create": {
      const { positional, values } = options(rest, { "--admin": "flag", "--display-name": "value" });
      const name = username(positional[0]);
      const displayName = values.get("--display-name");
      return { kind: "create", username: name, admin: values.has("--admin"), displayName: typeof displayName === "string" ? displayName.trim() : name };
    }
    case "password":
    case "disable":
      return { kind: command, username: username(options(rest, {}).positional[0]) };
    case "list":
      return { kind: "list" };
    case "workspace": {
      const { positional, values } = options(rest, { "--blind": "flag", "--unblind": "flag" });
      const name = positional.join(" ").trim();
      if (!name) throw new UserCliError(`Name the workspace.\n\n${USER_USAGE}`);
      if (values.has("--blind") && values.has("--unblind")) throw new UserCliError("Give --blind or --unblind, not both.");
      return { kind: "workspace", name, blind: values.has("--blind") ? true : values.has("--unblind") ? false : undefined };
    }
    case "move": {
      const { positional, values } = options(rest, { "--workspace": "value" });
      const corpus = positional.join(" ").trim();
      const workspace = values.get("--workspace");
      if (!corpus) throw new UserCliError(`Name the corpus to move.\n\n${USER_USAGE}`);
      if (typeof workspace !== "string") throw new UserCliError("move needs --workspace <name>.");
      return { kind: "move", corpus, workspace };
    }
    case "role": {
      const { positional, values } = options(rest, { "--workspace": "value", "--role": "value", "--remove": "flag" });
      const workspace = values.get("--workspace");
      const role = values.get("--role");
      if (typeof workspace !== "string") throw new UserCliError("role needs --workspace <name>.");
      if (values.has("--remove")) {
        if (role !== undefined) throw new UserCliError("Give --role or --remove, not both.");
        return { kind: "role", username: username(positional[0]), workspace, role: null };
      }
      if (typeof role !== "string" || !(WORKSPACE_ROLES as readonly string[]).includes(role)) {
        throw new UserCliError(`role needs --role ${WORKSPACE_ROLES.join("|")}${typeof role === "string" ? `, not "${role}"` : ""}.`);
      }
      return { kind: "role", username: username(positional[0]), workspace, role: role as WorkspaceRole };
    }
    default:
      throw new UserCliError(`Unknown command "${command}".\n\n${USER_USAGE}`);
  }
}
