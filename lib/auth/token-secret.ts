import { createHash, randomBytes } from "node:crypto";

/**
 * API token secrets: `rsn_` and 32 random bytes in base64url (43 characters).
 * The prefix lets people and secret scanners recognise a leaked token. Only
 * the SHA-256 of a secret is stored; the secret is shown once, at creation.
 *
 * A plain (unsalted, fast) hash is enough here, unlike for passwords: the
 * secret has 256 bits of entropy, so there is nothing to guess or look up.
 */
export const TOKEN_PREFIX = "rsn_";
const SECRET_BYTES = 32;
const SECRET_PATTERN = /^rsn_[A-Za-z0-9_-]{43}$/;

export interface NewTokenSecret {
  /** Handed to the researcher once; never stored or logged. */
  secret: string;
  /** Lowercase hex SHA-256 of the secret, as stored. */
  tokenHash: string;
}

export function generateTokenSecret(random: (size: number) => Uint8Array = randomBytes): NewTokenSecret {
  const secret = TOKEN_PREFIX + Buffer.from(random(SECRET_BYTES)).toString("base64url");
  return { secret, tokenHash: hashTokenSecret(secret) };
}

export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** True for a string shaped like a secret we issue; anything else is refused without a database lookup. */
export function isWellFormedTokenSecret(value: string): boolean {
  return SECRET_PATTERN.test(value);
}
