import type { z } from "zod";

export type ParsedParams<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Validates a URL's query string against a zod object schema. A repeated
 * parameter keeps its last value. The failure message names every bad
 * parameter, for a 400 a researcher (or a script) can act on.
 */
export function parseSearchParams<T>(schema: z.ZodType<T>, params: URLSearchParams): ParsedParams<T> {
  const parsed = schema.safeParse(Object.fromEntries(params));
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.map(String).join(".");
    return name ? `${name}: ${issue.message}` : issue.message;
  });
  return { ok: false, message: `Invalid query parameters. ${problems.join("; ")}` };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in our URLs are UUIDs; anything else is answered 404 without a database round trip. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
