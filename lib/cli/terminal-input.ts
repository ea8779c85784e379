import { createInterface } from "node:readline";
import { checkPasswordPolicy } from "../auth/password-hash";

/**
 * What CLIs ask a person for: a password without echo on a terminal, or the
 * lines of piped input (scripts and tests), one per question in order.
 */

let pipedLines: AsyncIterator<string> | null = null;

async function nextPipedLine(what: string): Promise<string> {
  pipedLines ??= createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const next = await pipedLines.next();
  if (next.done) throw new Error(`no ${what} on standard input`);
  return next.value;
}

/** One line typed with echo, e.g. a username. */
export async function askLine(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) return nextPipedLine(prompt.replace(/:\s*$/, "").toLowerCase());
  const lines = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await new Promise<string>((resolve) => lines.question(prompt, resolve));
  } finally {
    lines.close();
  }
}

function askHidden(prompt: string): Promise<string> {
  return new Promise<string>((resolve) => {
    const output = process.stdout;
    output.write(prompt);
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
}

/** An existing password, asked once. */
export async function askPassword(prompt: string): Promise<string> {
  return process.stdin.isTTY ? askHidden(prompt) : nextPipedLine("password");
}

/** A new password: checked against the policy and asked twice on a terminal. */
export async function askNewPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) return nextPipedLine("password");
  const first = await askHidden(prompt);
  checkPasswordPolicy(first);
  if ((await askHidden("Again: ")) !== first) throw new Error("The two passwords differ; nothing was changed.");
  return first;
}

/** A username and password, for a CLI that logs in to a server with accounts on. */
export async function askCredentials(server: string): Promise<{ username: string; password: string }> {
  if (process.stdin.isTTY) console.log(`The server at ${server} has accounts on: log in.`);
  const username = (await askLine("Username: ")).trim();
  return { username, password: await askPassword("Password: ") };
}
