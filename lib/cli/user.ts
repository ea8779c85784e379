// `npm run user -- create|password|disable|list|workspace|role`: accounts for ACCOUNTS=on; see USER_USAGE.
import { createInterface } from "node:readline";
import { checkPasswordPolicy } from "../auth/password-hash";
import { parseUserArguments, USER_USAGE } from "../auth/user-cli-arguments";
import { addWorkspace, changePassword, createUser, disableUser, listUsers, setRole } from "../auth/user-service";
import { openServerDatabase } from "../db/open-server-database";
import { exitWithError } from "./serve-workbench";

/** Asks twice on a terminal without echoing; reads the first line of piped input otherwise (scripts, tests). */
async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    throw new Error("no password on standard input");
  }
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      const output = process.stdout;
      output.write(question);
      const stdin = process.stdin;
      stdin.setRawMode(true);
      stdin.resume();
      let typed = "";
      const onData = (chunk: Buffer) => {
        for (const char of chunk.toString("utf8")) {
          if (char === "\r" || char === "\n") {
            stdin.setRawMode(false);
            stdin.pause();
            stdin.off("data", onData);
            output.write("\n");
            resolve(typed);
            return;
          }
          if (char === "\u0003") process.exit(130);
          typed = char === "\u007f" ? typed.slice(0, -1) : typed + char;
        }
      };
      stdin.on("data", onData);
    });
  const first = await ask(prompt);
  checkPasswordPolicy(first);
  if ((await ask("Again: ")) !== first) throw new Error("The two passwords differ; nothing was changed.");
  return first;
}

try {
  const command = parseUserArguments(process.argv.slice(2));
  if (command.kind === "help") {
    console.log(USER_USAGE);
    process.exit(0);
  }
  const password = command.kind === "create" || command.kind === "password" ? await readPassword(`Password for ${command.username}: `) : "";
  if (password) checkPasswordPolicy(password);
  const database = await openServerDatabase();
  try {
    switch (command.kind) {
      case "create":
        await createUser(database, { username: command.username, displayName: command.displayName, admin: command.admin, password });
        console.log(`Created ${command.admin ? "administrator" : "account"} ${command.username}.${command.admin ? "" : " Give it a role: npm run user -- role " + command.username + ' --workspace Default --role annotator'}`);
        break;
      case "password":
        await changePassword(database, command.username, password);
        console.log(`New password set for ${command.username}; its sessions were ended.`);
        break;
      case "disable":
        await disableUser(database, command.username);
        console.log(`Disabled ${command.username}; its sessions were ended. Its labels and history stay.`);
        break;
      case "list":
        console.log(await listUsers(database));
        break;
      case "workspace":
        await addWorkspace(database, command.name);
        console.log(`Created workspace "${command.name}".`);
        break;
      case "role":
        await setRole(database, command.username, command.workspace, command.role);
        console.log(`${command.username} is now ${command.role} in "${command.workspace}".`);
        break;
    }
  } finally {
    await database.close();
  }
} catch (error) {
  exitWithError(error);
}
