/**
 * The JSON error body every route of the workbench answers with:
 * `{ error: <message for the researcher>, code?: <stable code> }`, never cached.
 */
export function errorResponse(status: number, message: string, code?: string): Response {
  return Response.json(code ? { error: message, code } : { error: message }, {
    status,
    headers: { "Cache-Control": "no-store" },
  });
}
