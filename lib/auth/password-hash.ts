import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { PasswordPolicyError } from "./password-policy-error";

/**
 * Password hashing with scrypt (memory-hard, built into Node). A stored hash
 * names its own parameters, `scrypt$N=131072,r=8,p=1$<salt>$<hash>` (salt and
 * hash in unpadded standard base64), so raising the cost later leaves older
 * hashes verifiable and `needsRehash` says when to replace one after a login.
 */

export interface ScryptParameters {
  /** CPU/memory cost, a power of two; memory is 128 · N · r bytes. */
  N: number;
  r: number;
  p: number;
}

/**
 * OWASP's 2023 minimum (128 MiB per hash). It costs about 0.45–0.55 s on the
 * two-core build machine, more than the 50–150 ms we aimed for; we keep it
 * because the cheaper settings that fit that budget (N=2^15) are a quarter of
 * the recommended minimum, and a login happens once per session.
 */
export const CURRENT_SCRYPT_PARAMETERS: Readonly<ScryptParameters> = { N: 2 ** 17, r: 8, p: 1 };

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

const SALT_BYTES = 16;
const HASH_BYTES = 32;

// A stored hash is trusted only as far as these bounds: a corrupted or planted
// row must not make one login allocate gigabytes or run for minutes.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;
const MAX_MEMORY_BYTES = 1024 * 1024 * 1024;
const MIN_STORED_BYTES = 16;
const MAX_STORED_BYTES = 64;

const STORED_PATTERN = /^scrypt\$N=(\d{1,8}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

interface ParsedHash {
  parameters: ScryptParameters;
  salt: Buffer;
  hash: Buffer;
}

/**
 * Hashes a new password after checking the length rule on its NFKC form, so
 * the same password typed on another keyboard or input method still matches.
 * `parameters` is for tests and for a later, stronger default.
 */
export async function hashPassword(password: string, parameters: Readonly<ScryptParameters> = CURRENT_SCRYPT_PARAMETERS): Promise<string> {
  const normalized = normalizePassword(password);
  checkPasswordPolicy(normalized);
  if (!areUsableParameters(parameters)) throw new RangeError(`unusable scrypt parameters N=${parameters.N}, r=${parameters.r}, p=${parameters.p}`);
  const salt = randomBytes(SALT_BYTES);
  const hash = await deriveKey(normalized, salt, HASH_BYTES, parameters);
  return formatHash({ parameters, salt, hash });
}

/**
 * True when `password` matches `stored`. Never throws: a malformed or
 * out-of-bounds stored hash, or a password no policy could have accepted,
 * answers false.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const normalized = normalizePassword(password);
  // Longer than any password we hash: refused without spending scrypt on it.
  if (codePointLength(normalized) > PASSWORD_MAX_LENGTH) return false;
  // The short-password rule is not applied here: it may have been lower when the hash was made.
  try {
    const candidate = await deriveKey(normalized, parsed.salt, parsed.hash.length, parsed.parameters);
    return timingSafeEqual(candidate, parsed.hash);
  } catch {
    return false;
  }
}

/**
 * True when `stored` should be replaced by a fresh hash at the next successful
 * login: any parameter, or the salt or hash length, below the current ones,
 * or a value that cannot be read at all.
 */
export function needsRehash(stored: string, current: Readonly<ScryptParameters> = CURRENT_SCRYPT_PARAMETERS): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return true;
  const { N, r, p } = parsed.parameters;
  return N < current.N || r < current.r || p < current.p || parsed.salt.length < SALT_BYTES || parsed.hash.length < HASH_BYTES;
}

/** Throws PasswordPolicyError when the (normalised) password is too short or too long. */
export function checkPasswordPolicy(password: string): void {
  const length = codePointLength(normalizePassword(password));
  if (length < PASSWORD_MIN_LENGTH) throw new PasswordPolicyError(`A password must be at least ${PASSWORD_MIN_LENGTH} characters long.`);
  if (length > PASSWORD_MAX_LENGTH) throw new PasswordPolicyError(`A password must be at most ${PASSWORD_MAX_LENGTH} characters long.`);
}

/** The parameters a stored hash was made with, or null when it is not one of ours. */
export function readHashParameters(stored: string): ScryptParameters | null {
  return parseHash(stored)?.parameters ?? null;
}

function normalizePassword(password: string): string {
  return password.normalize("NFKC");
}

// Characters as people count them (an emoji is one), not UTF-16 code units.
function codePointLength(text: string): number {
  return Array.from(text).length;
}

function formatHash({ parameters: { N, r, p }, salt, hash }: ParsedHash): string {
  return `scrypt$N=${N},r=${r},p=${p}$${toBase64(salt)}$${toBase64(hash)}`;
}

function parseHash(stored: string): ParsedHash | null {
  if (typeof stored !== "string") return null;
  const match = STORED_PATTERN.exec(stored);
  if (!match) return null;
  const parameters = { N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  if (!areUsableParameters(parameters)) return null;
  const salt = fromBase64(match[4]!);
  const hash = fromBase64(match[5]!);
  if (!salt || !hash) return null;
  if (salt.length < MIN_STORED_BYTES || salt.length > MAX_STORED_BYTES) return null;
  // Never shorter than we write: a truncated hash is a prefix of the right one and would still verify.
  if (hash.length < HASH_BYTES || hash.length > MAX_STORED_BYTES) return null;
  return { parameters, salt, hash };
}

function areUsableParameters({ N, r, p }: ScryptParameters): boolean {
  const isPowerOfTwo = Number.isInteger(N) && N >= 2 && N <= MAX_N && (N & (N - 1)) === 0;
  return isPowerOfTwo && Number.isInteger(r) && r >= 1 && r <= MAX_R && Number.isInteger(p) && p >= 1 && p <= MAX_P && memoryBytes({ N, r, p }) <= MAX_MEMORY_BYTES;
}

// OpenSSL's own estimate: the N-block table plus the p parallel blocks.
function memoryBytes({ N, r, p }: ScryptParameters): number {
  return 128 * r * (N + p + 2);
}

function deriveKey(password: string, salt: Buffer, keyLength: number, parameters: ScryptParameters): Promise<Buffer> {
  // Node's default maxmem (32 MiB) is below what N=2^17, r=8 needs.
  const maxmem = memoryBytes(parameters) + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, { ...parameters, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function toBase64(bytes: Buffer): string {
  return bytes.toString("base64").replace(/=+$/, "");
}

// Buffer.from(…, "base64") skips characters it does not know; round-tripping
// refuses anything that is not the canonical unpadded encoding.
function fromBase64(text: string): Buffer | null {
  const bytes = Buffer.from(text, "base64");
  return toBase64(bytes) === text ? bytes : null;
}
