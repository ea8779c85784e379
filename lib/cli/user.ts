// `npm run user -- create|password|disable|list|workspace|move|role`: accounts for ACCOUNTS=on; see USER_USAGE.
import { checkPasswordPolicy } from "../auth/password-hash";
import { parseUserArguments, USER_USAGE } from "../auth/user-cli-arguments";
import { addWorkspace, changePassword, createUser, disableUser, listUsers, moveCorpus, setRole } from "../auth/user-service";
import { openServerDatabase } from "../db/open-server-database";
import { exitWithError } from "./serve-workbench";
import { askNewPassword } from "./terminal-input";

try {
  const command = parseUserArguments(process.argv.slice(2));
  if (command.kind === "help") {
    console.log(USER_USAGE);
    process.exit(0);
  }
  const password = command.kind === "create" || command.kind === "password" ? await askNewPassword(`Password for ${command.username}: `) : "";
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
      case "workspace": {
        const { created } = await addWorkspace(database, command.name, command.blind);
        const blinding = command.blind === undefined ? "" : command.blind ? " (blinded)" : " (not blinded)";
        console.log(`${created ? "Created" : "Updated"} workspace "${command.name}"${blinding}.`);
        break;
      }
      case "move":
        await moveCorpus(database, command.corpus, command.workspace);
        console.log(`Moved corpus "${command.corpus}" to workspace "${command.workspace}".`);
        break;
      case "role":
        await setRole(database, command.username, command.workspace, command.role);
        console.log(command.role === null ? `${command.username} is no longer a member of "${command.workspace}".` : `${command.username} is now ${command.role} in "${command.workspace}".`);
        break;
    }
  } finally {
    await database.close();
  }
} catch (error) {
  exitWithError(error);
}
