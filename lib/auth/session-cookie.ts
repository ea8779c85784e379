import { isWellFormedSessionToken } from "./session-token";

/**
 * The session cookie. HttpOnly keeps the token from page scripts; SameSite=Lax
 * keeps it off cross-site form posts while links into the workbench still work;
 * Secure is for deployments behind HTTPS (a plain-HTTP lab server would never
 * get the cookie back with it).
 */
export const SESSION_COOKIE_NAME = "resonance_session";

export interface SessionCookieOptions {
  secure: boolean;
  /** Seconds until the browser drops the cookie; the server still checks the session itself. */
  maxAgeSeconds: number;
}

/** A Set-Cookie header value carrying `token`. */
export function sessionCookie(token: string, { secure, maxAgeSeconds }: SessionCookieOptions): string {
  // A malformed token here is a bug; refusing it also keeps ";" or line breaks out of the header.
  if (!isWellFormedSessionToken(token)) throw new RangeError("sessionCookie was given something that is not a session token");
  if (!(maxAgeSeconds >= 0 && Number.isFinite(maxAgeSeconds))) throw new RangeError(`maxAgeSeconds must be a non-negative number, got ${maxAgeSeconds}`);
  return cookieHeader(token, Math.floor(maxAgeSeconds), secure);
}

/** A Set-Cookie header value that makes the browser drop the session cookie (logout). */
export function clearSessionCookie({ secure }: Pick<SessionCookieOptions, "secure">): string {
  return cookieHeader("", 0, secure);
}

/**
 * The session token in a Cookie request header, or null. Tolerates extra
 * spaces, empty pieces, pieces without "=", and a quoted value (RFC 6265
 * allows one); skips a same-named cookie whose value is not a token (a stale
 * one from another path) and takes the first that is.
 */
export function readSessionCookie(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const piece of cookieHeader.split(";")) {
    const equals = piece.indexOf("=");
    if (equals < 0 || piece.slice(0, equals).trim() !== SESSION_COOKIE_NAME) continue;
    let value = piece.slice(equals + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (isWellFormedSessionToken(value)) return value;
  }
  return null;
}

function cookieHeader(value: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = [`${SESSION_COOKIE_NAME}=${value}`, "Path=/", `Max-Age=${maxAgeSeconds}`, "HttpOnly", "SameSite=Lax"];
  if (secure) attributes.push("Secure");
  return attributes.join("; ");
}
