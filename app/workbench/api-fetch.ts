import type { ApiError } from "./api-types";
import { takePreloadedResponse } from "./shell/boot-preload";

/** A route answered with an error; `message` is the route's message for the researcher. */
export class ApiRequestError extends Error {
  override readonly name = "ApiRequestError";

  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Fetches JSON from the workbench's own API; a non-2xx answer throws its `error` message. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const preloaded = init === undefined ? takePreloadedResponse(url) : undefined;
  const response = await (preloaded ?? fetch(url, { cache: "no-store", ...init }));
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body as Partial<ApiError> | null;
    throw new ApiRequestError(error?.error ?? `The server answered ${response.status} ${response.statusText}.`, response.status, error?.code);
  }
  return body as T;
}
