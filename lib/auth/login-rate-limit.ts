import { clientAddressKey } from "./client-address-key";

/**
 * Slows down password guessing. Failures are counted per username (one
 * account guessed from many machines) and per client address (many accounts
 * guessed from one machine) in a sliding window; within the window each
 * further failure waits exponentially longer, and at the limit the key is
 * refused until its oldest failure leaves the window. In memory and per
 * process: it forgets on restart and bounds its size by evicting the least
 * recently failed keys. Time is passed in, never read here.
 *
 * Callers record a failure for every refused login, unknown usernames
 * included, so the answers say nothing about which accounts exist.
 */

export interface FailureLimit {
  /** Failures within `windowMs` after which the key is refused outright. */
  maxFailures: number;
  windowMs: number;
  /** Failures allowed without any wait (typos happen). */
  freeFailures: number;
  /** Wait after the first failure beyond the free ones; doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface LoginRateLimitOptions {
  username: FailureLimit;
  address: FailureLimit;
  /** Most usernames, and separately most addresses, remembered at once. */
  maxKeys: number;
}

export type LoginRateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const MINUTE_MS = 60_000;

/**
 * Per username: waits of 1, 2 and 4 s after the 2nd to 4th failure, then
 * refused after 5 in 15 minutes. Per address the limit is looser, because a
 * lab behind one NAT address shares it: 5 free failures, waits doubling from
 * 1 s to at most a minute, refused after 20 in 15 minutes.
 */
export const DEFAULT_LOGIN_RATE_LIMITS: Readonly<LoginRateLimitOptions> = {
  username: { maxFailures: 5, windowMs: 15 * MINUTE_MS, freeFailures: 1, baseDelayMs: 1000, maxDelayMs: MINUTE_MS },
  address: { maxFailures: 20, windowMs: 15 * MINUTE_MS, freeFailures: 5, baseDelayMs: 1000, maxDelayMs: MINUTE_MS },
  maxKeys: 10_000,
};

export class LoginRateLimiter {
  private readonly usernames: FailureLog;
  private readonly addresses: FailureLog;

  constructor(options: Readonly<LoginRateLimitOptions> = DEFAULT_LOGIN_RATE_LIMITS) {
    if (!(Number.isInteger(options.maxKeys) && options.maxKeys >= 1)) throw new RangeError(`maxKeys must be a positive integer, got ${options.maxKeys}`);
    this.usernames = new FailureLog(checkLimit("username", options.username), options.maxKeys);
    this.addresses = new FailureLog(checkLimit("address", options.address), options.maxKeys);
  }

  /**
   * Whether a login attempt may go ahead now. A null address (the server
   * could not tell) skips the address limit rather than putting every such
   * client in one bucket that anyone could fill.
   */
  check(username: string, address: string | null, now: Date): LoginRateDecision {
    const at = now.getTime();
    const waitMs = Math.max(this.usernames.waitMs(usernameKey(username), at), address === null ? 0 : this.addresses.waitMs(clientAddressKey(address), at));
    return waitMs > 0 ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) } : { allowed: true };
  }

  recordFailure(username: string, address: string | null, now: Date): void {
    const at = now.getTime();
    this.usernames.record(usernameKey(username), at);
    if (address !== null) this.addresses.record(clientAddressKey(address), at);
  }

  /**
   * Forgets the username's failures. The address keeps its count: otherwise
   * logging into one's own account between guesses would reset it.
   */
  recordSuccess(username: string): void {
    this.usernames.clear(usernameKey(username));
  }

  /** How many usernames and addresses are remembered (bounded by maxKeys each). */
  get size(): { usernames: number; addresses: number } {
    return { usernames: this.usernames.size, addresses: this.addresses.size };
  }
}

/** Failure times per key, oldest first, at most maxFailures each; the Map's order is least recently failed first. */
class FailureLog {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: FailureLimit,
    private readonly maxKeys: number,
  ) {}

  get size(): number {
    return this.failures.size;
  }

  /** Milliseconds until `key` may try again; 0 when it may now. */
  waitMs(key: string, at: number): number {
    const times = this.recent(key, at);
    const count = times.length;
    if (count === 0) return 0;
    if (count >= this.limit.maxFailures) return times[count - this.limit.maxFailures]! + this.limit.windowMs - at;
    return Math.max(0, times[count - 1]! + this.delayAfter(count) - at);
  }

  record(key: string, at: number): void {
    const times = [...this.recent(key, at), at].slice(-this.limit.maxFailures);
    // Re-inserting moves the key to the end, so eviction takes the least recently failed.
    this.failures.delete(key);
    this.failures.set(key, times);
    for (const oldest of this.failures.keys()) {
      if (this.failures.size <= this.maxKeys) break;
      this.failures.delete(oldest);
    }
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, at: number): number[] {
    const times = this.failures.get(key);
    if (!times) return [];
    const recent = times.filter((time) => time > at - this.limit.windowMs);
    if (recent.length === 0) this.failures.delete(key);
    else if (recent.length < times.length) this.failures.set(key, recent);
    return recent;
  }

  private delayAfter(count: number): number {
    const { freeFailures, baseDelayMs, maxDelayMs } = this.limit;
    return count <= freeFailures ? 0 : Math.min(maxDelayMs, baseDelayMs * 2 ** (count - freeFailures - 1));
  }
}

// Logins may match usernames loosely; limiting the loosest form means "Ana" and "ana" share one count.
function usernameKey(username: string): string {
  return username.normalize("NFKC").trim().toLowerCase();
}

function checkLimit(name: string, limit: FailureLimit): FailureLimit {
  const { maxFailures, windowMs, freeFailures, baseDelayMs, maxDelayMs } = limit;
  const valid =
    Number.isInteger(maxFailures) &&
    maxFailures >= 1 &&
    windowMs > 0 &&
    Number.isFinite(windowMs) &&
    Number.isInteger(freeFailures) &&
    freeFailures >= 0 &&
    baseDelayMs >= 0 &&
    maxDelayMs >= 0 &&
    Number.isFinite(maxDelayMs);
  if (!valid) throw new RangeError(`invalid ${name} login limit: ${JSON.stringify(limit)}`);
  return { ...limit };
}
