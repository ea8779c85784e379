import { describe, expect, it } from "vitest";
import { DEFAULT_LOGIN_RATE_LIMITS, type LoginRateLimitOptions, LoginRateLimiter } from "./login-rate-limit";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const start = new Date("2026-05-01T09:00:00Z");
const at = (offsetMs: number) => new Date(start.getTime() + offsetMs);

/** Fails `count` times, each as soon as the limiter allows, and answers when the last one happened. */
function failRepeatedly(limiter: LoginRateLimiter, username: string, address: string | null, count: number, from = 0): number {
  let time = from;
  for (let failure = 0; failure < count; failure += 1) {
    const decision = limiter.check(username, address, at(time));
    if (!decision.allowed) time += decision.retryAfterSeconds * SECOND;
    expect(limiter.check(username, address, at(time))).toEqual({ allowed: true });
    limiter.recordFailure(username, address, at(time));
  }
  return time;
}

describe("LoginRateLimiter per username", () => {
  it("allows a first attempt and a retry right after one typo", () => {
    const limiter = new LoginRateLimiter();
    expect(limiter.check("ana", "192.0.2.1", start)).toEqual({ allowed: true });
    limiter.recordFailure("ana", "192.0.2.1", start);
    expect(limiter.check("ana", "192.0.2.1", start)).toEqual({ allowed: true });
  });

  it("makes each further failure wait twice as long: 1, 2 and 4 seconds", () => {
    const limiter = new LoginRateLimiter();
    const hints: number[] = [];
    let time = 0;
    for (let failure = 1; failure <= 4; failure += 1) {
      limiter.recordFailure("ana", "192.0.2.1", at(time));
      const decision = limiter.check("ana", "192.0.2.1", at(time));
      hints.push(decision.allowed ? 0 : decision.retryAfterSeconds);
      if (!decision.allowed) {
        expect(limiter.check("ana", "192.0.2.1", at(time + decision.retryAfterSeconds * SECOND - 1)).allowed).toBe(false);
        time += decision.retryAfterSeconds * SECOND;
        expect(limiter.check("ana", "192.0.2.1", at(time))).toEqual({ allowed: true });
      }
    }
    expect(hints).toEqual([0, 1, 2, 4]);
  });

  it("refuses the username after 5 failures until the first leaves the 15-minute window", () => {
    const limiter = new LoginRateLimiter();
    const last = failRepeatedly(limiter, "ana", "192.0.2.1", 5);
    expect(last).toBe(7 * SECOND);
    const decision = limiter.check("ana", "192.0.2.1", at(last));
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 - 7 });
    // From another machine too: the count is the account's.
    expect(limiter.check("ana", "198.51.100.9", at(10 * MINUTE)).allowed).toBe(false);
    expect(limiter.check("ana", "198.51.100.9", at(15 * MINUTE - 1)).allowed).toBe(false);
    expect(limiter.check("ana", "198.51.100.9", at(15 * MINUTE))).toEqual({ allowed: true });
  });

  it("slides the window: once the oldest failure leaves it, one more failure locks again", () => {
    const limiter = new LoginRateLimiter();
    for (const minute of [0, 1, 2, 3, 4]) limiter.recordFailure("ana", "192.0.2.1", at(minute * MINUTE));
    expect(limiter.check("ana", "192.0.2.1", at(4 * MINUTE))).toEqual({ allowed: false, retryAfterSeconds: 11 * 60 });
    expect(limiter.check("ana", "192.0.2.1", at(15 * MINUTE))).toEqual({ allowed: true });
    limiter.recordFailure("ana", "192.0.2.1", at(15 * MINUTE));
    // Five again within the window; the one at 1 minute is now the oldest.
    expect(limiter.check("ana", "192.0.2.1", at(15 * MINUTE))).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.check("ana", "192.0.2.1", at(16 * MINUTE))).toEqual({ allowed: true });
  });

  it("counts one account however its name is capitalised or spaced", () => {
    const limiter = new LoginRateLimiter();
    for (const name of ["ana", "Ana", " ANA", "ａｎａ", "ana "]) limiter.recordFailure(name, null, start);
    expect(limiter.check("ana", null, start).allowed).toBe(false);
    expect(limiter.check("bob", null, start)).toEqual({ allowed: true });
  });

  it("forgets the username's failures after a successful login", () => {
    const limiter = new LoginRateLimiter();
    const last = failRepeatedly(limiter, "ana", "192.0.2.1", 5);
    expect(limiter.check("ana", "192.0.2.1", at(last)).allowed).toBe(false);
    limiter.recordSuccess("ana");
    expect(limiter.check("ana", "192.0.2.1", at(last))).toEqual({ allowed: true });
    // Counting starts afresh: one failure is a free typo again (from another address, whose own count is clean).
    limiter.recordFailure("ana", "198.51.100.9", at(last));
    expect(limiter.check("ana", "198.51.100.9", at(last))).toEqual({ allowed: true });
  });
});

describe("LoginRateLimiter per address", () => {
  it("refuses an address after 20 failures across usernames, with waits capped at a minute", () => {
    const limiter = new LoginRateLimiter();
    const hints: number[] = [];
    let time = 0;
    for (let failure = 1; failure <= 20; failure += 1) {
      limiter.recordFailure(`user-${failure}`, "192.0.2.1", at(time));
      const decision = limiter.check("someone-new", "192.0.2.1", at(time));
      hints.push(decision.allowed ? 0 : decision.retryAfterSeconds);
      if (!decision.allowed && failure < 20) time += decision.retryAfterSeconds * SECOND;
    }
    expect(hints.slice(0, 19)).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60, 60, 60, 60]);
    const elapsedSeconds = time / SECOND;
    expect(hints[19]).toBe(15 * 60 - elapsedSeconds);
    // Another address is unaffected.
    expect(limiter.check("someone-new", "198.51.100.9", at(time))).toEqual({ allowed: true });
  });

  it("keeps the address's count after a successful login, so one's own account cannot reset it", () => {
    const limiter = new LoginRateLimiter();
    let time = 0;
    for (let failure = 1; failure <= 20; failure += 1) {
      const decision = limiter.check(`user-${failure}`, "192.0.2.1", at(time));
      if (!decision.allowed) time += decision.retryAfterSeconds * SECOND;
      limiter.recordFailure(`user-${failure}`, "192.0.2.1", at(time));
      limiter.recordSuccess("attacker");
    }
    expect(limiter.check("attacker", "192.0.2.1", at(time)).allowed).toBe(false);
  });

  it("counts an IPv6 client's whole /64 as one address", () => {
    const limiter = new LoginRateLimiter({ ...DEFAULT_LOGIN_RATE_LIMITS, address: { ...DEFAULT_LOGIN_RATE_LIMITS.address, maxFailures: 3 } });
    for (const host of ["1", "2", "3"]) limiter.recordFailure(`user-${host}`, `2001:db8:1:2::${host}`, start);
    expect(limiter.check("user-4", "2001:db8:1:2:ffff::4", start).allowed).toBe(false);
    expect(limiter.check("user-4", "2001:db8:1:3::4", start)).toEqual({ allowed: true });
  });

  it("skips the address limit when the address is unknown", () => {
    const limiter = new LoginRateLimiter();
    for (let failure = 1; failure <= 30; failure += 1) limiter.recordFailure(`user-${failure}`, null, start);
    expect(limiter.check("user-31", null, start)).toEqual({ allowed: true });
    expect(limiter.size.addresses).toBe(0);
  });

  it("answers the longer of the two waits when both apply", () => {
    const limiter = new LoginRateLimiter({
      username: { ...DEFAULT_LOGIN_RATE_LIMITS.username, freeFailures: 0, baseDelayMs: 30 * SECOND },
      address: { ...DEFAULT_LOGIN_RATE_LIMITS.address, freeFailures: 0, baseDelayMs: 10 * SECOND },
      maxKeys: 100,
    });
    limiter.recordFailure("ana", "192.0.2.1", start);
    expect(limiter.check("ana", "192.0.2.1", start)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(limiter.check("bob", "192.0.2.1", start)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(limiter.check("ana", "198.51.100.9", start)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(limiter.check("bob", "198.51.100.9", start)).toEqual({ allowed: true });
    // Never a zero hint while refused: a wait of 1 ms still says one second.
    expect(limiter.check("bob", "192.0.2.1", at(10 * SECOND - 1))).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});

describe("LoginRateLimiter memory", () => {
  const small: LoginRateLimitOptions = { ...DEFAULT_LOGIN_RATE_LIMITS, maxKeys: 100 };

  it("remembers at most maxKeys usernames and addresses, evicting the least recently failed", () => {
    const limiter = new LoginRateLimiter(small);
    failRepeatedly(limiter, "target", "192.0.2.1", 5);
    expect(limiter.check("target", null, at(10 * SECOND)).allowed).toBe(false);
    for (let index = 0; index < 100; index += 1) limiter.recordFailure(`user-${index}`, `10.0.${index >> 8}.${index & 0xff}`, at(10 * SECOND));
    expect(limiter.size).toEqual({ usernames: 100, addresses: 100 });
    expect(limiter.check("target", "192.0.2.1", at(10 * SECOND))).toEqual({ allowed: true });
    expect(limiter.check("user-99", null, at(10 * SECOND))).toEqual({ allowed: true });
  });

  it("keeps a key that failed recently over older ones", () => {
    const limiter = new LoginRateLimiter(small);
    for (let index = 0; index < 100; index += 1) limiter.recordFailure(`user-${index}`, null, start);
    // user-0 fails again, so user-1 is now the least recently failed.
    limiter.recordFailure("user-0", null, at(SECOND));
    limiter.recordFailure("newcomer", null, at(SECOND));
    limiter.recordFailure("newcomer", null, at(SECOND));
    expect(limiter.size.usernames).toBe(100);
    expect(limiter.check("user-0", null, at(SECOND)).allowed).toBe(false);
    limiter.recordFailure("user-1", null, at(SECOND));
    expect(limiter.check("user-1", null, at(SECOND))).toEqual({ allowed: true });
  });

  it("drops failures that have left the window", () => {
    const limiter = new LoginRateLimiter();
    limiter.recordFailure("ana", "192.0.2.1", start);
    expect(limiter.size).toEqual({ usernames: 1, addresses: 1 });
    expect(limiter.check("ana", "192.0.2.1", at(15 * MINUTE))).toEqual({ allowed: true });
    expect(limiter.size).toEqual({ usernames: 0, addresses: 0 });
  });

  it("defaults to 10,000 keys", () => {
    const limiter = new LoginRateLimiter();
    for (let index = 0; index < 10_050; index += 1) limiter.recordFailure(`user-${index}`, null, start);
    expect(limiter.size.usernames).toBe(10_000);
  });

  it("refuses settings that cannot work", () => {
    expect(() => new LoginRateLimiter({ ...DEFAULT_LOGIN_RATE_LIMITS, maxKeys: 0 })).toThrow(RangeError);
    expect(() => new LoginRateLimiter({ ...DEFAULT_LOGIN_RATE_LIMITS, username: { ...DEFAULT_LOGIN_RATE_LIMITS.username, maxFailures: 0 } })).toThrow(RangeError);
    expect(() => new LoginRateLimiter({ ...DEFAULT_LOGIN_RATE_LIMITS, address: { ...DEFAULT_LOGIN_RATE_LIMITS.address, windowMs: Number.NaN } })).toThrow(RangeError);
  });
});
