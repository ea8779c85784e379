import "server-only";

/**
 * The workbench's HTTP API is for its own pages and local CLIs. A browser
 * page from another site could still send a "simple" cross-site POST to
 * localhost, so mutating requests must carry JSON and, when a browser sends
 * an Origin, come from this server's own origin.
 */
export function refuseCrossSiteWrite(request: Request): Response | null {
  const origin = request.headers.get("origin");
  const host = request.headers.get("host");
  if (origin !== null && host !== null && new URL(origin).host !== host) {
    return Response.json({ error: "Cross-site requests are not accepted." }, { status: 403 });
  }
  return null;
}

export function requireJson(request: Request): Response | null {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    return Response.json({ error: "Send the request body as application/json." }, { status: 415 });
  }
  return null;
}

/**
 * The JSON body of a mutating API request, after the cross-site and
 * content-type checks; or the response that refuses it.
 */
export async function readJsonBody(request: Request): Promise<{ body: unknown } | Response> {
  const refused = refuseCrossSiteWrite(request) ?? requireJson(request);
  if (refused) return refused;
  try {
    return { body: (await request.json()) as unknown };
  } catch {
    return Response.json({ error: "The request body is not valid JSON." }, { status: 400 });
  }
}
