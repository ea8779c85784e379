import { readFile, rename, writeFile } from "node:fs/promises";
import { z } from "zod";

/**
 * rejected.json of an upload: the files the server refused on the way in, so
 * the import report lists them next to the files that failed to decode.
 */
export const uploadRejectionSchema = z.object({ path: z.string(), code: z.string(), reason: z.string() });
export type UploadRejection = z.infer<typeof uploadRejectionSchema>;

// Two files of one upload arrive in parallel; appends to the same list must
// not lose each other. The server is one process, so a promise chain per
// list is enough.
const pending = new Map<string, Promise<void>>();

export function appendUploadRejection(listPath: string, rejection: UploadRejection): Promise<void> {
  const previous = pending.get(listPath) ?? Promise.resolve();
  const next = previous.then(() => appendNow(listPath, rejection));
  const settled = next.catch(() => undefined);
  pending.set(listPath, settled);
  void settled.then(() => {
    if (pending.get(listPath) === settled) pending.delete(listPath);
  });
  return next;
}

export async function readUploadRejections(listPath: string): Promise<UploadRejection[]> {
  const text = await readFile(listPath, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return "[]";
    throw error;
  });
  return z.array(uploadRejectionSchema).parse(JSON.parse(text));
}

async function appendNow(listPath: string, rejection: UploadRejection): Promise<void> {
  const list = await readUploadRejections(listPath);
  // The same file refused twice (a retry) is listed once.
  const others = list.filter((entry) => entry.path !== rejection.path);
  const temporary = `${listPath}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify([...others, rejection], null, 2)}\n`);
  await rename(temporary, listPath);
}
