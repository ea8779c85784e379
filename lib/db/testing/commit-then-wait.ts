/**
 * Child process for the durability test: opens the database the way the
 * server does, commits rows one transaction at a time, reports each commit on
 * stdout, then idles until it is killed with SIGKILL.
 * Usage: tsx commit-then-wait.ts <datasource-url> <rows>
 */
import { openDatabase } from "../database";
import { datasourceFromUrl } from "../datasource";

const [url, rows] = process.argv.slice(2);
if (!url || !rows) throw new Error("usage: commit-then-wait.ts <datasource-url> <rows>");

const database = await openDatabase(datasourceFromUrl(url, process.cwd()), `durability test child (PID ${process.pid})`);
for (let i = 0; i < Number(rows); i++) {
  await database.prisma.job.create({ data: { kind: "durability", payload: { i } } });
  process.stdout.write(`committed ${i + 1}\n`);
}
process.stdout.write("waiting\n");
setInterval(() => undefined, 60_000);
