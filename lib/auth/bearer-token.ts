import { isWellFormedTokenSecret } from "./token-secret";

/**
 * The token secret of an `Authorization: Bearer <secret>` header (RFC 6750
 * §2.1: the scheme is case-insensitive, then one or more spaces, then the
 * credential), or null when the header is absent, uses another scheme, or
 * carries something that is not one of our secrets.
 */
export function readBearerSecret(header: string | null | undefined): string | null {
  if (header === null || header === undefined) return null;
  const match = /^Bearer +(\S+)$/i.exec(header.trim());
  if (!match) return null;
  const secret = match[1]!;
  return isWellFormedTokenSecret(secret) ? secret : null;
}
